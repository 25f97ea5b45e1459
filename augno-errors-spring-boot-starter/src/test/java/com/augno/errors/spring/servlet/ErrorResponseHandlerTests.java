package com.augno.errors.spring.servlet;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.augno.errors.test.AugnoErrors;
import com.augno.errors.test.CapturedResponse;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorFactory;
import com.augno.errors.ErrorLinks;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.format.AugnoErrorFormat;
import com.augno.errors.spring.format.ErrorBody;
import com.augno.errors.spring.format.ErrorFormat;
import com.augno.errors.spring.format.ErrorFormats;
import com.augno.errors.spring.format.ErrorMessages;
import com.augno.errors.spring.format.ResolvedError;
import com.augno.errors.spring.mapping.ClientDisconnectMapper;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import com.augno.errors.spring.mapping.RequestBodyExceptionMapper;
import com.augno.errors.spring.web.ErrorListener;
import com.augno.errors.spring.web.ErrorLogger;
import com.augno.errors.spring.web.RequestIds;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class ErrorResponseHandlerTests {

	private final List<String> events = new ArrayList<>();

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/orders");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	ErrorResponseHandlerTests() {
		this.request.setAttribute(RequestIds.ATTRIBUTE, "rq_test");
	}

	// gh-10 #10
	@Test
	void containsAnAssertionErrorOrAStackOverflowErrorThrownByAListener(CapturedOutput output) throws IOException {
		for (Error error : List.of(new AssertionError("listener bug"), new StackOverflowError())) {
			this.events.clear();
			ErrorResponseHandler handler = handler((event) -> {
				throw error;
			});
			handler.respond(this.request, new MockHttpServletResponse(), MappedError.of(ErrorCodes.RESOURCE_NOT_FOUND),
					null);
			assertThat(this.events).as("the next listener is still told").containsExactly("404 resource_not_found");
		}
		assertThat(output.getAll().lines().filter((line) -> line.contains(" WARN "))).hasSize(2)
			.allSatisfy((line) -> assertThat(line).contains("failed for resource_not_found (request_id=rq_test)"));
	}

	@Test
	void letsAnOutOfMemoryErrorOfAListenerPropagate() {
		ErrorResponseHandler handler = handler((event) -> {
			throw new OutOfMemoryError("Java heap space");
		});
		assertThatExceptionOfType(OutOfMemoryError.class).isThrownBy(() -> handler.respond(this.request, this.response,
				MappedError.of(ErrorCodes.RESOURCE_NOT_FOUND), null));
	}

	// gh-10 #6
	@Test
	void answersABodyThatEndedEarlyOnceAndWritesItInTheErrorDispatch(CapturedOutput output) throws IOException {
		EOFException eof = new EOFException("Unexpected EOF read on the socket");
		this.request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, eof);
		ErrorResponseHandler handler = handler();
		handler.handle(this.request, this.response, readFailure(eof));
		assertThat(this.response.getContentAsString()).as("nothing written while suspended").isEmpty();
		assertThat(this.events).containsExactly("400 validation_failed");
		errorDispatch(400);
		handler.handle(this.request, this.response, eof);
		assertThat(this.response.getStatus()).isEqualTo(400);
		AugnoErrors.assertThat(CapturedResponse.bodyOnly(this.response.getContentAsString()))
			.isAugnoError("validation_failed")
			.hasMessage("The request body ended before its declared length.")
			.hasNoParam()
			.isNotTransient()
			.hasNoQuota();
		assertThat(this.events).containsExactly("400 validation_failed");
		assertThat(output.getAll().lines().filter((line) -> line.contains("validation_failed"))).hasSize(1);
	}

	// gh-10 #3
	@Test
	void countsAResetDuringAReadOnce(CapturedOutput output) throws IOException {
		SocketException reset = new SocketException("Connection reset");
		this.request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, reset);
		ErrorResponseHandler handler = handler();
		handler.handle(this.request, this.response, readFailure(reset));
		errorDispatch(400);
		handler.handle(this.request, this.response, reset);
		assertThat(this.events).containsExactly("499 client_closed_request");
		assertThat(this.request.getAttribute(ErrorResponseHandler.CLIENT_CLOSED_ATTRIBUTE)).isEqualTo(Boolean.TRUE);
		assertThat(this.response.getContentAsString()).isEmpty();
		assertThat(output.getAll().lines().filter((line) -> line.contains("client_closed_request"))).hasSize(1);
	}

	@Test
	void anIoExceptionTheApplicationThrewIsNoReadFailure() throws IOException {
		IOException diskFull = new IOException("Disk full");
		this.request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, diskFull);
		errorDispatch(500);
		handler().handle(this.request, this.response, diskFull);
		assertThat(this.response.getStatus()).isEqualTo(500);
		assertThat(this.events).containsExactly("500 internal_error");
	}

	@Test
	void leavesAFailureOfAnAsynchronousDispatchToTheMappers() throws IOException {
		EOFException eof = new EOFException();
		// Thrown by Tomcat's connection, as when the client has gone.
		eof.setStackTrace(new StackTraceElement[] { new StackTraceElement(
				"org.apache.tomcat.util.net.NioEndpoint$NioSocketWrapper", "fillReadBuffer", null, -1) });
		this.request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, eof);
		this.request.setDispatcherType(DispatcherType.ASYNC);
		handler().handle(this.request, this.response, new IOException(eof));
		assertThat(this.events).containsExactly("499 client_closed_request");
	}

	@Test
	void leavesABodyTheClientSentMalformedToTheMappers() throws IOException {
		IOException malformed = new org.apache.coyote.BadRequestException("Invalid chunk header");
		this.request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, malformed);
		handler().handle(this.request, this.response, readFailure(malformed));
		assertThat(this.events).containsExactly("400 validation_failed");
	}

	private void errorDispatch(int status) {
		this.request.setDispatcherType(DispatcherType.ERROR);
		this.request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
	}

	/**
	 * A failed read as Spring MVC reports it: Tomcat's {@code ClientAbortException} (here
	 * a plain {@link IOException}) around the recorded failure.
	 */
	private static HttpMessageNotReadableException readFailure(IOException recorded) {
		return new HttpMessageNotReadableException("I/O error while reading input message", new IOException(recorded),
				new MockHttpInputMessage(new byte[0]));
	}

	@Test
	void aFormatThatThrowsIsReplacedByTheEnvelope(CapturedOutput output) throws IOException {
		ErrorFormat broken = new ErrorFormat() {
			@Override
			public String name() {
				return "broken";
			}

			@Override
			public ErrorBody render(ResolvedError error) {
				throw new IllegalStateException("format bug");
			}
		};
		ErrorFactory factory = new ErrorFactory(ErrorRegistry.standard(), ErrorLinks.defaults());
		ErrorResponseHandler handler = new ErrorResponseHandler(
				new CompositeExceptionMapper(List.of(new ClientDisconnectMapper())), factory, new ErrorResponseWriter(),
				new ErrorLogger(LogLevel.INFO, LogLevel.INFO, LogLevel.ERROR, LogLevel.INFO, Duration.ZERO),
				() -> "rq_generated", "Request-Id", List.of(), new ErrorResponseDecision(), null,
				ErrorFormats.of(List.of(new AugnoErrorFormat(), broken), "broken", false),
				new ErrorMessages(null, factory.registry()));
		handler.respond(this.request, this.response, MappedError.of(ErrorCodes.RESOURCE_NOT_FOUND), null);
		assertThat(this.response.getStatus()).isEqualTo(404);
		assertThat(this.response.getContentType()).isEqualTo("application/json");
		assertThat(AugnoErrors.assertThat(CapturedResponse.bodyOnly(this.response.getContentAsString()))
			.isAugnoError("resource_not_found")
			.error()
			.get("request_log_url")
			.asString()).isEqualTo("https://augno.com/dashboard/request-logs/rq_test");
		assertThat(output.getAll().lines().filter((line) -> line.contains(" WARN "))).singleElement()
			.satisfies((line) -> assertThat(line).contains(
					"Error format 'broken' failed to render resource_not_found (request_id=rq_test); answering with "
							+ "the Augno envelope"));
		assertThat(output).contains("java.lang.IllegalStateException: format bug");
	}

	private ErrorResponseHandler handler(ErrorListener... first) {
		List<ErrorListener> listeners = new ArrayList<>(List.of(first));
		listeners.add((event) -> this.events.add(event.status() + " " + event.error().code()));
		return new ErrorResponseHandler(
				new CompositeExceptionMapper(List.of(new ClientDisconnectMapper(), new RequestBodyExceptionMapper())),
				new ErrorFactory(ErrorRegistry.standard(), ErrorLinks.defaults()), new ErrorResponseWriter(),
				new ErrorLogger(LogLevel.INFO, LogLevel.INFO, LogLevel.ERROR, LogLevel.INFO, Duration.ZERO),
				() -> "rq_generated", "Request-Id", listeners);
	}

}
