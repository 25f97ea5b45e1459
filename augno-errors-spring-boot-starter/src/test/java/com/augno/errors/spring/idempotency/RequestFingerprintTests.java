package com.augno.errors.spring.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link RequestFingerprint}: the fingerprint and the scoped key keep the
 * values of earlier versions, as records in Redis outlive a deployment, and a retry after
 * it must still match its first request.
 */
class RequestFingerprintTests {

	private static final byte[] BODY = "{\"name\":\"Widget\",\"quantity\":3}".getBytes(StandardCharsets.UTF_8);

	@Test
	void fingerprintIsTheLengthPrefixedSha256OfTheRequest() throws Exception {
		MockHttpServletRequest request = request();
		request.addHeader("X-Tenant", "acme");
		request.addHeader("X-Tenant", "émile");
		assertThat(RequestFingerprint.of(request, List.of("X-Tenant"), BODY))
			.isEqualTo(reference("POST", "/orders", "dry=1", "x-tenant", "acme", "émile", "body", BODY));
	}

	@Test
	void scopedKeyIsTheLengthPrefixedSha256OfCallerEndpointAndKey() {
		assertThat(RequestFingerprint.scopedKey("header:Bearer sk_live_secret", request(), "key-1"))
			.isEqualTo(reference("header:Bearer sk_live_secret", "POST", "/orders", "key-1"))
			.doesNotContain("sk_live");
	}

	@Test
	void fingerprintTellsBodiesApart() throws Exception {
		assertThat(RequestFingerprint.of(request(), List.of(), BODY))
			.isNotEqualTo(RequestFingerprint.of(request(), List.of(), "{}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(RequestFingerprint.of(request(), List.of(), BODY.clone()));
	}

	@Test
	void longAndNonAsciiValuesDigestTheirUtf8Bytes() throws Exception {
		String atScratchSize = "k".repeat(252);
		String pastScratchSize = "k".repeat(253);
		String loneSurrogate = "a\uD800b";
		MockHttpServletRequest request = request();
		request.addHeader("X-Long", atScratchSize);
		request.addHeader("X-Long", pastScratchSize);
		request.addHeader("X-Long", loneSurrogate);
		request.addHeader("X-Long", "日本");
		assertThat(RequestFingerprint.of(request, List.of("X-Long"), BODY)).isEqualTo(reference("POST", "/orders",
				"dry=1", "x-long", atScratchSize, pastScratchSize, loneSurrogate, "日本", "body", BODY));
		assertThat(RequestFingerprint.scopedKey("principal:" + pastScratchSize, request(), "ключ"))
			.isEqualTo(reference("principal:" + pastScratchSize, "POST", "/orders", "ключ"));
	}

	@Test
	void aFormIsDigestedByItsParametersInNameOrder() throws Exception {
		MockHttpServletRequest request = request();
		request.setContentType("application/x-www-form-urlencoded");
		request.addParameter("b", "2", "3");
		request.addParameter("a", "1");
		assertThat(RequestFingerprint.of(request, List.of(), null))
			.isEqualTo(reference("POST", "/orders", "dry=1", "form", "a", "1", "b", "2", "3"));
	}

	@Test
	void aFingerprintAfterAFailedOneIsUnaffected() throws Exception {
		MockHttpServletRequest failing = new MockHttpServletRequest("POST", "/orders") {

			@Override
			public Map<String, String[]> getParameterMap() {
				throw new IllegalStateException("unreadable form");
			}

		};
		failing.setContentType("application/x-www-form-urlencoded");
		assertThatIllegalStateException().isThrownBy(() -> RequestFingerprint.of(failing, List.of(), null));
		assertThat(RequestFingerprint.of(request(), List.of(), BODY))
			.isEqualTo(reference("POST", "/orders", "dry=1", "body", BODY));
	}

	@Test
	void aFingerprintTakenWhileAnotherIsBeingTakenOnTheSameThreadLeavesItIntact() throws Exception {
		MockHttpServletRequest nesting = new MockHttpServletRequest("POST", "/orders") {

			@Override
			public Enumeration<String> getHeaders(String name) {
				try {
					RequestFingerprint.of(request(), List.of(), "other".getBytes(StandardCharsets.UTF_8));
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return super.getHeaders(name);
			}

		};
		nesting.setQueryString("dry=1");
		nesting.addHeader("X-Tenant", "acme");
		assertThat(RequestFingerprint.of(nesting, List.of("X-Tenant"), BODY))
			.isEqualTo(reference("POST", "/orders", "dry=1", "x-tenant", "acme", "body", BODY));
	}

	private static MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders");
		request.setQueryString("dry=1");
		return request;
	}

	// How the first version digested: each value's length as a 4-byte big-endian int,
	// then its UTF-8 bytes; byte arrays as they are.
	private static String reference(Object... values) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Object value : values) {
				if (value instanceof byte[] bytes) {
					digest.update(bytes);
				}
				else {
					byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
					digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
					digest.update(bytes);
				}
			}
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
