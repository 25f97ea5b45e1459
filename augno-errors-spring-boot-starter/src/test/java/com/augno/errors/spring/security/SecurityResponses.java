package com.augno.errors.spring.security;

import java.net.http.HttpResponse;

import com.augno.errors.test.AugnoErrors;

/**
 * The answer the security tests expect of a rejected request: a whole envelope of a
 * client error naming no parameter, checked by the test kit, with its length declared.
 */
final class SecurityResponses {

	private SecurityResponses() {
	}

	static void assertClientError(HttpResponse<String> response, String code, String message) {
		AugnoErrors.assertThat(response).isAugnoError(code).hasMessage(message).hasNoParam().hasContentLength();
	}

}
