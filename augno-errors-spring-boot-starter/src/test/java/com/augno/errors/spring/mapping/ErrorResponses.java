package com.augno.errors.spring.mapping;

import java.io.UnsupportedEncodingException;

import com.augno.errors.spring.test.EnvelopeAssert;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the parts of an error response every test of this package asserts: a 400 with
 * the envelope's headers, then the whole envelope.
 */
final class ErrorResponses {

	private ErrorResponses() {
	}

	/**
	 * Assert a 400 {@code invalid_request_error} and its headers, and return the envelope
	 * assertion with the request id already checked.
	 * @param result the exchange
	 * @param code the code
	 * @param message the message
	 * @param param the param, or {@code null}
	 * @return the envelope assertion
	 */
	static EnvelopeAssert assertBadRequest(MvcTestResult result, String code, String message, @Nullable String param) {
		assertThat(result.getUnresolvedException()).isNull();
		MockHttpServletResponse response = result.getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).isEqualTo("application/json");
		assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		String requestId = response.getHeader("Request-Id");
		return EnvelopeAssert.assertEnvelope(body(response))
			.isClientError(code, message, param)
			.hasRequestId(requestId);
	}

	private static String body(MockHttpServletResponse response) {
		try {
			return response.getContentAsString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
