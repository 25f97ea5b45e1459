package com.augno.errors.test;

import java.nio.charset.StandardCharsets;

import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Reads a {@link WebTestClient} response, in a class of its own so that only tests that
 * use WebTestClient need Spring WebFlux.
 */
final class WebTestClientResponses {

	private WebTestClientResponses() {
	}

	static CapturedResponse capture(WebTestClient.ResponseSpec response) {
		EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
		byte[] body = result.getResponseBody();
		return CapturedResponse.of(result.getStatus().value(), result.getResponseHeaders(),
				(body != null) ? new String(body, StandardCharsets.UTF_8) : null);
	}

}
