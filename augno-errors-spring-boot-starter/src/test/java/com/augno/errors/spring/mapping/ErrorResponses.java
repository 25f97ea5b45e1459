package com.augno.errors.spring.mapping;

import com.augno.errors.test.AugnoErrorAssert;
import com.augno.errors.test.AugnoErrors;
import org.jspecify.annotations.Nullable;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The answer every test of this package expects: a 400 {@code invalid_request_error},
 * checked whole by the test kit.
 */
final class ErrorResponses {

	private ErrorResponses() {
	}

	/**
	 * Assert a whole 400 error response.
	 * @param result the exchange
	 * @param code the code
	 * @param message the message
	 * @param param the param, or {@code null}
	 * @return the assertion, for further checks
	 */
	static AugnoErrorAssert assertBadRequest(MvcTestResult result, String code, String message,
			@Nullable String param) {
		return AugnoErrors.assertThat(result).isAugnoError(code).hasStatus(400).hasMessage(message).hasParam(param);
	}

}
