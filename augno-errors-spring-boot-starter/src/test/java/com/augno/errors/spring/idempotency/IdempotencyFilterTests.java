package com.augno.errors.spring.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.augno.errors.ErrorFactory;
import com.augno.errors.ErrorLinks;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.properties.AugnoErrorsIdempotencyProperties;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import com.augno.errors.spring.servlet.ErrorResponseWriter;
import com.augno.errors.spring.web.ErrorLogger;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.logging.LogLevel;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idempotency filter on its own, with Spring's servlet mocks and the in-memory store:
 * which dispatches and requests it acts on.
 */
class IdempotencyFilterTests {

	private final AtomicInteger executions = new AtomicInteger();

	private final FilterChain handler = (request, response) -> {
		this.executions.incrementAndGet();
		response.setContentType("application/json");
		response.getOutputStream().write("{\"id\":\"or_1\"}".getBytes(StandardCharsets.UTF_8));
	};

	private final IdempotencyFilter filter = new IdempotencyFilter(new InMemoryIdempotencyStore(100),
			new DefaultIdempotencyCallerResolver(null), errorHandler(), new AugnoErrorsIdempotencyProperties());

	@AfterEach
	void destroy() {
		this.filter.destroy();
	}

	@Test
	void executesAKeyOnceAndReplaysItsResponse() throws Exception {
		MockHttpServletResponse first = send(request("POST", DispatcherType.REQUEST));
		MockHttpServletResponse retry = send(request("POST", DispatcherType.REQUEST));
		assertThat(this.executions).hasValue(1);
		assertThat(first.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isNull();
		assertThat(retry.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
		assertThat(retry.getContentAsString()).isEqualTo(first.getContentAsString()).isEqualTo("{\"id\":\"or_1\"}");
	}

	@Test
	void letsAnAsyncOrErrorDispatchOfAKeyedRequestPassThrough() throws Exception {
		for (DispatcherType type : List.of(DispatcherType.ASYNC, DispatcherType.ERROR)) {
			MockHttpServletResponse response = send(request("POST", type));
			assertThat(response.getHeader(IdempotencyFilter.REPLAYED_HEADER)).as(type.name()).isNull();
		}
		assertThat(this.executions).as("each dispatch executed, none claimed the key").hasValue(2);
		send(request("POST", DispatcherType.REQUEST));
		assertThat(this.executions).as("the key was still free").hasValue(3);
	}

	@Test
	void letsAMethodOutsideTheConfiguredOnesPassThrough() throws Exception {
		send(request("PUT", DispatcherType.REQUEST));
		MockHttpServletResponse second = send(request("PUT", DispatcherType.REQUEST));
		assertThat(this.executions).hasValue(2);
		assertThat(second.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isNull();
	}

	private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, this.handler);
		return response;
	}

	private static MockHttpServletRequest request(String method, DispatcherType type) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/v1/orders");
		request.setDispatcherType(type);
		request.addHeader("Idempotency-Key", "key-1");
		request.setContentType("application/json");
		request.setContent("{\"item\":\"it_1\"}".getBytes(StandardCharsets.UTF_8));
		return request;
	}

	private static ErrorResponseHandler errorHandler() {
		return new ErrorResponseHandler(new CompositeExceptionMapper(List.of()),
				new ErrorFactory(ErrorRegistry.standard(), ErrorLinks.defaults()), new ErrorResponseWriter(),
				new ErrorLogger(LogLevel.OFF, LogLevel.OFF, LogLevel.OFF, LogLevel.OFF, Duration.ZERO),
				() -> "rq_generated", "Request-Id", List.of());
	}

}
