package com.augno.errors.spring.security;

import java.net.http.HttpResponse;

import com.augno.errors.test.AugnoErrors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers the security tests expect of a rejected request: a whole envelope of a
 * client error naming no parameter, checked by the test kit, with its length declared;
 * or, where the envelope must stay out (a browser's prompt, the application's own
 * answer), a bare 401.
 */
final class SecurityResponses {

	private SecurityResponses() {
	}

	static void assertClientError(HttpResponse<String> response, String code, String message) {
		AugnoErrors.assertThat(response).isAugnoError(code).hasMessage(message).hasNoParam().hasContentLength();
	}

	static void assertBareUnauthorized(HttpResponse<String> response, String... challenges) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(challenges);
		assertThat(response.body()).isEmpty();
	}

	/**
	 * Assert the resource server's own answer to a token that lacks a scope: its
	 * {@code insufficient_scope} challenge with a bodiless 403, as a browser gets it.
	 */
	static void assertBareInsufficientScope(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().allValues("WWW-Authenticate")).singleElement()
			.asString()
			.startsWith("Bearer error=\"insufficient_scope\"");
		assertThat(response.body()).isEmpty();
	}

}
