package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.augno.errors.ErrorFactory;
import com.augno.errors.ErrorLinks;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.mapping.ClientDisconnectMapper;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.web.ErrorLogger;
import com.augno.errors.spring.web.RequestIds;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.boot.logging.LogLevel;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The request id filter on its own, with Spring's servlet mocks: what it does for each
 * dispatch it is registered for, and the error dispatch it must leave alone.
 */
class RequestIdFilterTests {

	private final List<String> events = new ArrayList<>();

	private final RequestIdFilter filter = new RequestIdFilter(handler(), () -> "rq_generated", "Request-Id", null);

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/orders/or_1");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void givesTheRequestItsIdInTheAttributeTheHeaderAndTheMdcForTheChainOnly() throws Exception {
		MDC.put(RequestIds.MDC_KEY, "rq_outer");
		List<String> seen = new ArrayList<>();
		this.filter.doFilter(this.request, this.response,
				(request, response) -> seen.add(MDC.get(RequestIds.MDC_KEY) + " " + ServletRequestIds.find(request)));
		assertThat(seen).containsExactly("rq_generated rq_generated");
		assertThat(this.response.getHeader("Request-Id")).isEqualTo("rq_generated");
		assertThat(MDC.get(RequestIds.MDC_KEY)).as("the MDC as it was before").isEqualTo("rq_outer");
		assertThat(this.request.getAttributeNames().asIterator()).toIterable()
			.as("no marker attribute left behind")
			.containsExactly(RequestIds.ATTRIBUTE);
	}

	@Test
	void keepsTheIdHeaderThroughAResetOfTheResponse() throws Exception {
		// As Spring Boot's ErrorPageFilter resets the response before it forwards, in a
		// war.
		this.filter.doFilter(this.request, this.response, (request, response) -> {
			((HttpServletResponse) response).setHeader("X-Partial", "yes");
			response.reset();
			response.getWriter().write("error page");
		});
		assertThat(this.response.getHeader("Request-Id")).isEqualTo("rq_generated");
		assertThat(this.response.getHeader("X-Partial")).isNull();
		assertThat(this.response.getContentAsString()).isEqualTo("error page");
	}

	@Test
	void answersAnExceptionOfALaterFilterWithTheEnvelope() throws Exception {
		this.filter.doFilter(this.request, this.response, (request, response) -> {
			throw new IllegalStateException("jdbc:postgresql://db/secret");
		});
		assertThat(this.response.getStatus()).isEqualTo(500);
		assertThat(this.response.getContentAsString()).contains("\"code\":\"internal_error\"").doesNotContain("secret");
		assertThat(this.events).containsExactly("500 internal_error");
	}

	@Test
	void handlesTheContainersErrorDispatchAfterTheRequestReturned() throws Exception {
		this.filter.doFilter(this.request, this.response, (request, response) -> {
		});
		this.request.setDispatcherType(DispatcherType.ERROR);
		MockHttpServletResponse errorResponse = new MockHttpServletResponse();
		this.filter.doFilter(this.request, errorResponse, (request, response) -> {
			throw new IllegalStateException("error page failed");
		});
		assertThat(errorResponse.getStatus()).isEqualTo(500);
		assertThat(errorResponse.getHeader("Request-Id")).as("the header is set once, in the request dispatch")
			.isNull();
		assertThat(this.events).containsExactly("500 internal_error");
	}

	@Test
	void letsAnErrorDispatchFromInsideItPassThrough() throws Exception {
		List<String> nested = new ArrayList<>();
		FilterChain errorPage = (request, response) -> {
			nested.add(String.valueOf(MDC.get(RequestIds.MDC_KEY)));
			throw new IllegalStateException("error page failed");
		};
		// A container that dispatches to its error page from within sendError: the error
		// dispatch gets the response this filter passed on, as is or wrapped once more.
		this.filter.doFilter(this.request, this.response, (request, response) -> {
			MockHttpServletRequest errorRequest = (MockHttpServletRequest) request;
			errorRequest.setDispatcherType(DispatcherType.ERROR);
			ServletResponse wrapped = new HttpServletResponseWrapper((HttpServletResponse) response);
			assertThatIllegalStateException().as("not answered by the nested dispatch")
				.isThrownBy(() -> this.filter.doFilter(request, wrapped, errorPage));
			assertThatIllegalStateException().as("nor when unwrapped")
				.isThrownBy(() -> this.filter.doFilter(request, response, errorPage));
			errorRequest.setDispatcherType(DispatcherType.REQUEST);
		});
		assertThat(nested).containsExactly("rq_generated", "rq_generated");
		assertThat(this.events).isEmpty();
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	@Test
	void keepsTheIdOfAnAsyncDispatch() throws Exception {
		this.request.setAttribute(RequestIds.ATTRIBUTE, "rq_first");
		this.request.setDispatcherType(DispatcherType.ASYNC);
		List<String> seen = new ArrayList<>();
		this.filter.doFilter(this.request, this.response, (request, response) -> seen.add(MDC.get(RequestIds.MDC_KEY)));
		assertThat(seen).containsExactly("rq_first");
		assertThat(this.response.getHeader("Request-Id")).isNull();
	}

	private ErrorResponseHandler handler() {
		return new ErrorResponseHandler(new CompositeExceptionMapper(List.of(new ClientDisconnectMapper())),
				new ErrorFactory(ErrorRegistry.standard(), ErrorLinks.defaults()), new ErrorResponseWriter(),
				new ErrorLogger(LogLevel.OFF, LogLevel.OFF, LogLevel.OFF, LogLevel.OFF, Duration.ZERO),
				() -> "rq_generated", "Request-Id",
				List.of((event) -> this.events.add(event.status() + " " + event.error().code())));
	}

}
