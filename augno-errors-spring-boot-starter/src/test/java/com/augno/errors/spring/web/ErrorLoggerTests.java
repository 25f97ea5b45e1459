package com.augno.errors.spring.web;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ErrorLoggerTests {

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/users");

	ErrorLoggerTests() {
		this.request.setAttribute(RequestIds.ATTRIBUTE, "rq_test");
	}

	@Test
	void logsEachTypeAtItsConfiguredLevel(CapturedOutput output) {
		ErrorLogger logger = new ErrorLogger(LogLevel.WARN, LogLevel.INFO, LogLevel.ERROR, LogLevel.OFF);
		logger.log(this.request, 400, error("validation_failed", ErrorType.INVALID_REQUEST_ERROR, "email"),
				new IllegalArgumentException("bad email"));
		logger.log(this.request, 409, error("idempotency_in_progress", ErrorType.IDEMPOTENCY_ERROR, null), null);
		logger.logClientClosed(this.request, new java.io.IOException("Broken pipe"));
		assertThat(output)
			.containsPattern("WARN .* 400 validation_failed for POST /v1/users \\(request_id=rq_test\\) param=email: "
					+ "java.lang.IllegalArgumentException: bad email")
			.containsPattern("INFO .* 409 idempotency_in_progress for POST /v1/users \\(request_id=rq_test\\)")
			.doesNotContain("client_closed_request");
	}

	@Test
	void logsTheStackTraceOfServerErrorsOnly(CapturedOutput output) {
		ErrorLogger logger = new ErrorLogger(LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR);
		logger.log(this.request, 400, error("validation_failed", ErrorType.INVALID_REQUEST_ERROR, null),
				new IllegalArgumentException("client"));
		assertThat(output).contains("400 validation_failed").doesNotContain("\tat ");
		logger.log(this.request, 500, error("internal_error", ErrorType.API_ERROR, null),
				new IllegalStateException("server"));
		assertThat(output).contains("500 internal_error")
			.contains("java.lang.IllegalStateException: server")
			.contains("\tat com.augno.errors.spring.web.ErrorLoggerTests");
	}

	@Test
	void keepsClientTextOnOneBoundedLine(CapturedOutput output) {
		ErrorLogger logger = new ErrorLogger(LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR);
		MockHttpServletRequest forged = new MockHttpServletRequest("GET",
				"/x\n2026-01-01 ERROR forged" + "a".repeat(900));
		logger.log(forged, 404, error("resource_not_found", ErrorType.INVALID_REQUEST_ERROR, null), null);
		assertThat(output.getOut().lines().filter((line) -> line.contains("forged"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("/x?2026-01-01 ERROR forged").hasSizeLessThan(800));
	}

	@Test
	void namesThePathTheClientAskedForDuringAnErrorDispatch(CapturedOutput output) {
		ErrorLogger logger = new ErrorLogger(LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR);
		MockHttpServletRequest dispatch = new MockHttpServletRequest("POST", "/error");
		dispatch.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/v1/users");
		logger.log(dispatch, 403, error("insufficient_permissions", ErrorType.INVALID_REQUEST_ERROR, null), null);
		assertThat(output).contains("403 insufficient_permissions for POST /v1/users").doesNotContain("POST /error");
	}

	private static AugnoError error(String code, ErrorType type, String param) {
		return new AugnoError(code, type, "Message.", param, "https://docs.augno.com/api/errors#" + code, false, null,
				null);
	}

}
