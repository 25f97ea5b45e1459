package com.augno.errors.spring.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorType;
import com.augno.errors.spring.servlet.OriginalRequest;
import com.augno.errors.spring.servlet.ServletRequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.rememberme.CookieTheftException;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

@ExtendWith(OutputCaptureExtension.class)
class ErrorLoggerTests {

	private static final Duration INTERVAL = Duration.ofMinutes(1);

	private static final AugnoError INTERNAL_ERROR = error("internal_error", ErrorType.API_ERROR, null);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T06:55:01.250Z"));

	private static final String NL = System.lineSeparator();

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/users");

	ErrorLoggerTests() {
		this.request.setAttribute(RequestIds.ATTRIBUTE, "rq_test");
	}

	// gh-10 #9: Tomcat makes the error dispatch a GET.
	@Test
	void namesTheClientsMethodAndPathDuringTheErrorDispatch(CapturedOutput output) {
		MockHttpServletRequest errorDispatch = new MockHttpServletRequest("GET", "/error");
		errorDispatch.setDispatcherType(jakarta.servlet.DispatcherType.ERROR);
		errorDispatch.setAttribute(RequestIds.ATTRIBUTE, "rq_test");
		errorDispatch.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_METHOD, "DELETE");
		errorDispatch.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/v1/users/1");
		ErrorLogger logger = new ErrorLogger(LogLevel.WARN, LogLevel.WARN, LogLevel.ERROR, LogLevel.WARN, INTERVAL);
		log(logger, errorDispatch, 403, error("insufficient_permissions", ErrorType.INVALID_REQUEST_ERROR, null), null);
		assertThat(output).contains("403 insufficient_permissions for DELETE /v1/users/1 (request_id=rq_test)")
			.doesNotContain("for GET");
	}

	@Test
	void logsEachTypeAtItsConfiguredLevel(CapturedOutput output) {
		ErrorLogger logger = new ErrorLogger(LogLevel.WARN, LogLevel.INFO, LogLevel.ERROR, LogLevel.OFF, INTERVAL);
		log(logger, this.request, 400, error("validation_failed", ErrorType.INVALID_REQUEST_ERROR, "email"),
				new IllegalArgumentException("bad email"));
		log(logger, this.request, 409, error("idempotency_in_progress", ErrorType.IDEMPOTENCY_ERROR, null), null);
		logClientClosed(logger, this.request, new java.io.IOException("Broken pipe"));
		assertThat(output)
			.containsPattern("WARN .* 400 validation_failed for POST /v1/users \\(request_id=rq_test\\) param=email: "
					+ "java.lang.IllegalArgumentException: bad email")
			.containsPattern("INFO .* 409 idempotency_in_progress for POST /v1/users \\(request_id=rq_test\\)")
			.doesNotContain("client_closed_request");
	}

	@Test
	void logsARequestTimeoutAtItsOwnLevelWithoutStackTrace(CapturedOutput output) {
		ErrorLogger logger = new ErrorLogger(LogLevel.DEBUG, LogLevel.DEBUG, LogLevel.ERROR, LogLevel.DEBUG,
				LogLevel.WARN, INTERVAL);
		log(logger, this.request, 408, error("request_timeout", ErrorType.API_ERROR, null),
				new AsyncRequestTimeoutException());
		assertThat(output)
			.containsPattern("WARN .* 408 request_timeout for POST /v1/users \\(request_id=rq_test\\): "
					+ "org.springframework.web.context.request.async.AsyncRequestTimeoutException")
			.doesNotContain("ERROR")
			.doesNotContain("\tat ");
	}

	@Test
	void logsARequestTimeoutAtWarnByDefault(CapturedOutput output) {
		ErrorLogger logger = new ErrorLogger(LogLevel.DEBUG, LogLevel.DEBUG, LogLevel.ERROR, LogLevel.DEBUG, INTERVAL);
		log(logger, this.request, 408, error("request_timeout", ErrorType.API_ERROR, null), null);
		assertThat(output).containsPattern("WARN .* 408 request_timeout for POST /v1/users").doesNotContain("ERROR");
	}

	@Test
	void logsAClientErrorOfTheApplicationsDataAccessAtItsOwnLevel(CapturedOutput output) {
		// Without the starter a server error at ERROR: the one line keeps it in the log.
		ErrorLogger logger = new ErrorLogger(LogLevel.DEBUG, LogLevel.DEBUG, LogLevel.ERROR, LogLevel.DEBUG,
				LogLevel.WARN, INTERVAL);
		log(logger, this.request, 409, error("resource_exists", ErrorType.INVALID_REQUEST_ERROR, null),
				new DuplicateKeyException("duplicate key value violates unique constraint \"customer_pkey\""));
		log(logger, this.request, 409, error("resource_conflict", ErrorType.INVALID_REQUEST_ERROR, null),
				new CannotAcquireLockException("deadlock detected"));
		log(logger, this.request, 404, error("resource_not_found", ErrorType.INVALID_REQUEST_ERROR, null),
				new IllegalStateException("not the database's"));
		log(logger, this.request, 404, error("resource_not_found", ErrorType.INVALID_REQUEST_ERROR, null),
				new CustomerNotFoundException());
		assertThat(output)
			.containsPattern("WARN .* 409 resource_exists for POST /v1/users \\(request_id=rq_test\\): "
					+ "org.springframework.dao.DuplicateKeyException: duplicate key value violates unique constraint")
			.containsPattern("WARN .* 409 resource_conflict for POST /v1/users .*CannotAcquireLockException")
			.doesNotContain("resource_not_found")
			.doesNotContain("\tat ");
	}

	@Test
	void logsAStolenRememberMeCookieAtItsOwnLevel(CapturedOutput output) {
		// Without the starter a 500 at ERROR, the only record of the detected theft.
		ErrorLogger logger = new ErrorLogger(LogLevel.DEBUG, LogLevel.DEBUG, LogLevel.ERROR, LogLevel.DEBUG,
				LogLevel.WARN, INTERVAL);
		log(logger, this.request, 401, error("invalid_credentials", ErrorType.INVALID_REQUEST_ERROR, null),
				new CookieTheftException("Invalid remember-me token (Series/token) mismatch. "
						+ "Implies previous cookie theft attack."));
		log(logger, this.request, 401, error("invalid_credentials", ErrorType.INVALID_REQUEST_ERROR, null),
				new BadCredentialsException("Bad credentials"));
		assertThat(output)
			.containsPattern("WARN .* 401 invalid_credentials for POST /v1/users \\(request_id=rq_test\\): "
					+ "org.springframework.security.web.authentication.rememberme.CookieTheftException")
			.doesNotContain("BadCredentialsException");
		ErrorLogger quiet = new ErrorLogger(LogLevel.DEBUG, LogLevel.DEBUG, LogLevel.ERROR, LogLevel.DEBUG,
				LogLevel.WARN, LogLevel.WARN, LogLevel.OFF, INTERVAL, List.of(), true);
		log(quiet, this.request, 401, error("invalid_credentials", ErrorType.INVALID_REQUEST_ERROR, null),
				new CookieTheftException("stolen again"));
		assertThat(output).doesNotContain("stolen again");
	}

	@Test
	void logsAClientErrorOfTheApplicationsDataAccessAtTheConfiguredLevel(CapturedOutput output) {
		ErrorLogger logger = new ErrorLogger(LogLevel.DEBUG, LogLevel.DEBUG, LogLevel.ERROR, LogLevel.DEBUG,
				LogLevel.WARN, LogLevel.OFF, LogLevel.WARN, INTERVAL, List.of(), true);
		log(logger, this.request, 409, error("resource_exists", ErrorType.INVALID_REQUEST_ERROR, null),
				new DuplicateKeyException("duplicate"));
		assertThat(output).doesNotContain("resource_exists");
	}

	@Test
	void logsTheStackTraceOfServerErrorsOnly(CapturedOutput output) {
		ErrorLogger logger = new ErrorLogger(LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR, INTERVAL);
		log(logger, this.request, 400, error("validation_failed", ErrorType.INVALID_REQUEST_ERROR, null),
				new IllegalArgumentException("client"));
		assertThat(output).contains("400 validation_failed").doesNotContain("\tat ");
		log(logger, this.request, 500, error("internal_error", ErrorType.API_ERROR, null),
				new IllegalStateException("server"));
		assertThat(output).contains("500 internal_error")
			.contains("java.lang.IllegalStateException: server")
			.contains("\tat com.augno.errors.spring.web.ErrorLoggerTests");
	}

	@Test
	void keepsClientTextOnOneBoundedLine(CapturedOutput output) {
		ErrorLogger logger = new ErrorLogger(LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR, INTERVAL);
		MockHttpServletRequest forged = new MockHttpServletRequest("GET",
				"/x\n2026-01-01 ERROR forged" + "a".repeat(900));
		log(logger, forged, 404, error("resource_not_found", ErrorType.INVALID_REQUEST_ERROR, null), null);
		assertThat(output.getOut().lines().filter((line) -> line.contains("forged"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("/x?2026-01-01 ERROR forged").hasSizeLessThan(800));
	}

	@Test
	void namesThePathTheClientAskedForDuringAnErrorDispatch(CapturedOutput output) {
		ErrorLogger logger = new ErrorLogger(LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR, INTERVAL);
		MockHttpServletRequest dispatch = new MockHttpServletRequest("POST", "/error");
		dispatch.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/v1/users");
		log(logger, dispatch, 403, error("insufficient_permissions", ErrorType.INVALID_REQUEST_ERROR, null), null);
		assertThat(output).contains("403 insufficient_permissions for POST /v1/users").doesNotContain("POST /error");
	}

	@Test
	void logsARepeatWithinTheIntervalAsOneLineWithoutStackTrace(CapturedOutput output) {
		ErrorLogger logger = stormLogger(INTERVAL);
		log(logger, request("rq_first"), 500, INTERNAL_ERROR, failure("server 1"));
		assertThat(stackTraces(output)).isEqualTo(1);
		assertThat(output).contains("500 internal_error for POST /v1/users (request_id=rq_first)" + NL)
			.contains("java.lang.IllegalStateException: server 1" + NL + "\tat " + getClass().getName() + ".failure(");
		this.clock.advance(INTERVAL.minusMillis(1));
		log(logger, request("rq_second"), 500, INTERNAL_ERROR, failure("server 2"));
		log(logger, request("rq_third"), 500, INTERNAL_ERROR, failure("server 3"));
		assertThat(stackTraces(output)).isEqualTo(1);
		assertThat(output.getOut()
			.lines()
			.filter((line) -> line.contains("(repeat "))
			.map((line) -> line.substring(line.indexOf("500 internal_error"))))
			.containsExactly(
					line("rq_second", "server 2",
							"(repeat 1 since its stack trace was logged at "
									+ "2026-05-01T06:55:01Z with request_id=rq_first)"),
					line("rq_third", "server 3", "(repeat 2 since its stack trace was logged at "
							+ "2026-05-01T06:55:01Z with request_id=rq_first)"));
	}

	@Test
	void logsTheStackTraceAgainOnceTheIntervalHasPassed(CapturedOutput output) {
		ErrorLogger logger = stormLogger(INTERVAL);
		log(logger, request("rq_1"), 500, INTERNAL_ERROR, failure("server"));
		log(logger, request("rq_2"), 500, INTERNAL_ERROR, failure("server"));
		log(logger, request("rq_3"), 500, INTERNAL_ERROR, failure("server"));
		this.clock.advance(INTERVAL);
		log(logger, request("rq_4"), 500, INTERNAL_ERROR, failure("server"));
		assertThat(stackTraces(output)).isEqualTo(2);
		assertThat(output).contains("500 internal_error for POST /v1/users (request_id=rq_4) "
				+ "(2 repeats logged without stack trace since 2026-05-01T06:55:01Z)" + NL);
		log(logger, request("rq_5"), 500, INTERNAL_ERROR, failure("server"));
		assertThat(output)
			.contains("(repeat 1 since its stack trace was logged at 2026-05-01T06:56:01Z " + "with request_id=rq_4)");
	}

	@Test
	void logsTheStackTraceOfEachDistinctFailure(CapturedOutput output) {
		ErrorLogger logger = stormLogger(INTERVAL);
		StackTraceElement frame = new StackTraceElement("com.example.Items", "load", "Items.java", 42);
		StackTraceElement otherLine = new StackTraceElement("com.example.Items", "load", "Items.java", 43);
		log(logger, request("rq_1"), 500, INTERNAL_ERROR, thrownAt(new IllegalStateException("a"), frame));
		log(logger, request("rq_2"), 500, INTERNAL_ERROR, thrownAt(new IllegalArgumentException("b"), frame));
		log(logger, request("rq_3"), 500, INTERNAL_ERROR, thrownAt(new IllegalStateException("c"), otherLine));
		log(logger, request("rq_4"), 500, INTERNAL_ERROR,
				new RuntimeException("wrapped", thrownAt(new IllegalStateException("d"), frame)));
		assertThat(stackTraces(output)).isEqualTo(4);
		assertThat(output).doesNotContain("(repeat ");
		log(logger, request("rq_5"), 500, INTERNAL_ERROR,
				new RuntimeException("wrapped again", thrownAt(new IllegalStateException("e"), frame)));
		assertThat(output)
			.contains("(repeat 1 since its stack trace was logged at 2026-05-01T06:55:01Z " + "with request_id=rq_4)");
	}

	@Test
	void logsEveryStackTraceWhenTheIntervalIsZero(CapturedOutput output) {
		ErrorLogger logger = stormLogger(Duration.ZERO);
		for (int i = 0; i < 3; i++) {
			log(logger, request("rq_" + i), 500, INTERNAL_ERROR, failure("server"));
		}
		assertThat(stackTraces(output)).isEqualTo(3);
		assertThat(output).doesNotContain("repeat");
	}

	@Test
	void logsAServerErrorWithoutCauseAsOneLine(CapturedOutput output) {
		ErrorLogger logger = stormLogger(INTERVAL);
		log(logger, request("rq_1"), 503, error("service_unavailable", ErrorType.API_ERROR, null), null);
		log(logger, request("rq_2"), 503, error("service_unavailable", ErrorType.API_ERROR, null), null);
		assertThat(output.getOut().lines().filter((line) -> line.contains("503 service_unavailable"))).hasSize(2)
			.noneMatch((line) -> line.contains("repeat"));
	}

	@Test
	void keepsAHostileMessageOnOneBoundedLineInARepeat(CapturedOutput output) {
		ErrorLogger logger = stormLogger(INTERVAL);
		log(logger, request("rq_first"), 500, INTERNAL_ERROR, failure("benign"));
		log(logger, request("rq_second"), 500, INTERNAL_ERROR,
				failure("boom\r\n2026-01-01 ERROR forged\u001b[31m" + "a".repeat(900)));
		assertThat(output.getOut().lines().filter((line) -> line.contains("forged"))).singleElement()
			.satisfies((line) -> assertThat(line)
				.contains("(request_id=rq_second): java.lang.IllegalStateException: boom??2026-01-01 ERROR forged?[31m")
				.endsWith("... (repeat 1 since its stack trace was logged at 2026-05-01T06:55:01Z "
						+ "with request_id=rq_first)")
				.hasSizeLessThan(800));
	}

	@Test
	void keepsAHostileMessageOutOfTheStackTrace(CapturedOutput output) {
		ErrorLogger logger = stormLogger(INTERVAL);
		IllegalStateException failure = new IllegalStateException("wrapped",
				failure("boom\n2026-01-01 ERROR forged\r\n2026-01-01 ERROR again"));
		failure.addSuppressed(new IllegalArgumentException("closing\n2026-01-01 ERROR suppressed"));
		log(logger, request("rq_first"), 500, INTERNAL_ERROR, failure);
		assertThat(output.getOut().lines()).noneMatch((line) -> line.startsWith("2026-01-01 ERROR"));
		assertThat(output.getOut())
			.contains("java.lang.IllegalStateException: boom?2026-01-01 ERROR forged??2026-01-01 ERROR again")
			.contains("java.lang.IllegalArgumentException: closing?2026-01-01 ERROR suppressed")
			.contains("\tat com.augno.errors.spring.web.ErrorLoggerTests.keepsAHostileMessageOutOfTheStackTrace");
	}

	@Test
	void logsAStandInForAMultiLineMessageWhenExceptionMessagesAreSanitized(CapturedOutput output) {
		ErrorLogger logger = new ErrorLogger(LogLevel.DEBUG, LogLevel.DEBUG, LogLevel.ERROR, LogLevel.DEBUG,
				LogLevel.WARN, INTERVAL, List.of(), true);
		log(logger, request("rq_first"), 500, INTERNAL_ERROR,
				new IllegalStateException("wrapped", failure("boom\n2026-01-01 ERROR forged")));
		assertThat(output.getOut().lines()).noneMatch((line) -> line.startsWith("2026-01-01 ERROR"))
			.contains("com.augno.errors.spring.web.SanitizedFailure: java.lang.IllegalStateException: wrapped");
	}

	@Test
	void logsTheOriginalFailureWhenExceptionMessagesAreNotSanitized(CapturedOutput output) {
		// A JSON log escapes the line break itself and records the failure's own class.
		ErrorLogger logger = new ErrorLogger(LogLevel.DEBUG, LogLevel.DEBUG, LogLevel.ERROR, LogLevel.DEBUG,
				LogLevel.WARN, INTERVAL, List.of(), false);
		log(logger, request("rq_first"), 500, INTERNAL_ERROR,
				new IllegalStateException("wrapped", failure("boom\nsecond line")));
		assertThat(output.getOut()).doesNotContain("SanitizedFailure")
			.contains("java.lang.IllegalStateException: wrapped" + NL + "\tat ")
			.contains("Caused by: java.lang.IllegalStateException: boom" + NL + "second line" + NL);
	}

	@Test
	void keepsARepeatOnOneLineWhenExceptionMessagesAreNotSanitized(CapturedOutput output) {
		ErrorLogger logger = new ErrorLogger(LogLevel.DEBUG, LogLevel.DEBUG, LogLevel.ERROR, LogLevel.DEBUG,
				LogLevel.WARN, INTERVAL, List.of(), false);
		log(logger, request("rq_first"), 500, INTERNAL_ERROR, failure("benign"));
		log(logger, request("rq_second"), 500, INTERNAL_ERROR, failure("boom\r\n2026-01-01 ERROR forged"));
		assertThat(output.getOut().lines().filter((line) -> line.contains("forged"))).singleElement()
			.satisfies((line) -> assertThat(line).contains(
					"(request_id=rq_second): java.lang.IllegalStateException: boom??2026-01-01 ERROR forged (repeat 1 ")
				.endsWith("with request_id=rq_first)"));
	}

	@Test
	void logsAFailureCarryingReactorsCheckpointTracebackAsItIs(CapturedOutput output) {
		// What WebFlux hands an error handler: Reactor's traceback of the operators and
		// routes the error passed, a multi-line message of Reactor's own, as a suppressed
		// exception.
		Throwable failure = catchThrowable(
				() -> Mono.error(new IllegalStateException("boom")).checkpoint("HTTP GET \"/items\"").block());
		assertThat(failure.getSuppressed())
			.anySatisfy((suppressed) -> assertThat(suppressed.getMessage()).contains("\n"));
		log(stormLogger(INTERVAL), request("rq_first"), 500, INTERNAL_ERROR, failure);
		assertThat(output.getOut()).contains("(request_id=rq_first)")
			.contains("java.lang.IllegalStateException: boom")
			.doesNotContain("SanitizedFailure");
	}

	@Test
	void sanitizesReactorsCheckpointTracebackCarryingAnotherControlCharacter(CapturedOutput output) {
		Throwable failure = catchThrowable(() -> Mono.error(new IllegalStateException("boom"))
			.checkpoint("HTTP GET \"/items\u001b[31m\"")
			.block());
		log(stormLogger(INTERVAL), request("rq_first"), 500, INTERNAL_ERROR, failure);
		assertThat(output.getOut()).contains("SanitizedFailure: java.lang.IllegalStateException: boom")
			.doesNotContain("\u001b");
	}

	@Test
	void logsAFailureWithOneLineMessagesAsItIs(CapturedOutput output) {
		ErrorLogger logger = stormLogger(INTERVAL);
		log(logger, request("rq_first"), 500, INTERNAL_ERROR,
				new IllegalStateException("wrapped", new IllegalArgumentException("benign")));
		assertThat(output.getOut().lines()).contains("java.lang.IllegalStateException: wrapped")
			.anyMatch((line) -> line.startsWith("Caused by: java.lang.IllegalArgumentException: benign"));
	}

	@Test
	void logsOneStackTracePerFailureAndIntervalUnderConcurrentRequests(CapturedOutput output) throws Exception {
		ErrorLogger logger = stormLogger(INTERVAL);
		int threads = 8;
		int perThread = 250;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Object>> done = LongStream.range(0, threads).mapToObj((thread) -> executor.submit(() -> {
				start.await();
				for (int i = 0; i < perThread; i++) {
					log(logger, request("rq_" + thread + "_" + i), 500, INTERNAL_ERROR, failure("storm"));
				}
				return null;
			})).toList();
			start.countDown();
			for (Future<Object> future : done) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(stackTraces(output)).isEqualTo(1);
		List<Long> repeats = output.getOut()
			.lines()
			.filter((line) -> line.contains("(repeat "))
			.map((line) -> Long.parseLong(line.replaceAll(".*\\(repeat (\\d+) .*", "$1")))
			.sorted()
			.toList();
		assertThat(repeats).isEqualTo(LongStream.rangeClosed(1, threads * perThread - 1).boxed().toList());
	}

	@Test
	void rejectsANegativeInterval() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ErrorLogger(LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR,
					Duration.ofSeconds(-1)))
			.withMessageContaining("must not be negative");
	}

	private ErrorLogger stormLogger(Duration interval) {
		return new ErrorLogger(LogLevel.DEBUG, LogLevel.DEBUG, LogLevel.ERROR, LogLevel.DEBUG, interval, this.clock);
	}

	private static MockHttpServletRequest request(String requestId) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/users");
		request.setAttribute(RequestIds.ATTRIBUTE, requestId);
		return request;
	}

	private static String line(String requestId, String message, String suffix) {
		return "500 internal_error for POST /v1/users (request_id=" + requestId + "): java.lang.IllegalStateException: "
				+ message + " " + suffix;
	}

	/**
	 * The same failure on every call: one class, thrown at one line.
	 */
	private static IllegalStateException failure(String message) {
		return new IllegalStateException(message);
	}

	private static <T extends Throwable> T thrownAt(T failure, StackTraceElement frame) {
		failure.setStackTrace(new StackTraceElement[] { frame });
		return failure;
	}

	private static long stackTraces(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> line.matches("^java\\.lang\\.\\w+Exception: .*")).count();
	}

	private static AugnoError error(String code, ErrorType type, String param) {
		return new AugnoError(code, type, "Message.", param, "https://docs.augno.com/api/errors#" + code, false, null,
				null);
	}

	private static void log(ErrorLogger logger, HttpServletRequest request, int status, AugnoError error,
			@Nullable Throwable cause) {
		logger.log(OriginalRequest.method(request), OriginalRequest.uri(request), ServletRequestIds.find(request),
				status, error, cause);
	}

	private static void logClientClosed(ErrorLogger logger, HttpServletRequest request, Throwable cause) {
		logger.logClientClosed(OriginalRequest.method(request), OriginalRequest.uri(request),
				ServletRequestIds.find(request), cause);
	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class CustomerNotFoundException extends EmptyResultDataAccessException {

		private static final long serialVersionUID = 1L;

		CustomerNotFoundException() {
			super("No such customer", 1);
		}

	}

}
