package com.augno.errors.spring.client;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DownstreamErrorException}.
 */
class DownstreamErrorExceptionTests {

	@Test
	void itsHeadersAnnounceNoBodyAsItHoldsNone() {
		// A relay that copies the headers and the (empty) body must not announce 44 bytes
		// that never come: its client would wait for them.
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_LENGTH, "44");
		headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
		headers.set(HttpHeaders.ETAG, "\"v7\"");
		headers.set(HttpHeaders.RETRY_AFTER, "3");
		DownstreamError error = new DownstreamError(404, "resource_not_found", null, null, null, false, null, null,
				null, false);
		DownstreamErrorException ex = new DownstreamErrorException(error, headers, HttpMethod.GET, false, false);
		HttpHeaders kept = ex.getResponseHeaders();
		assertThat(kept).isNotNull();
		assertThat(kept.containsHeader(HttpHeaders.CONTENT_LENGTH)).isFalse();
		assertThat(kept.containsHeader(HttpHeaders.CONTENT_ENCODING)).isFalse();
		assertThat(kept.getFirst(HttpHeaders.ETAG)).isEqualTo("\"v7\"");
		assertThat(kept.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
		assertThat(ex.getResponseBodyAsByteArray()).isEmpty();
		assertThat(headers.getFirst(HttpHeaders.CONTENT_LENGTH)).as("the caller's headers are not changed")
			.isEqualTo("44");
	}

}
