package com.augno.errors.spring.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;

import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows of {@link RestClientExceptionMapper} that a local server cannot raise reliably.
 */
class RestClientExceptionMapperTests {

	private final RestClientExceptionMapper mapper = new RestClientExceptionMapper();

	@Test
	void connectTimeoutIsTimeoutAlthoughItWrapsAConnectException() {
		HttpConnectTimeoutException timeout = new HttpConnectTimeoutException("HTTP connect timed out");
		timeout.initCause(new ConnectException("HTTP connect timed out"));
		assertThat(map(new ResourceAccessException("I/O error", timeout)).code().code()).isEqualTo("timeout");
	}

	@Test
	void otherIoFailureIsExternalServiceError() {
		assertThat(map(new ResourceAccessException("I/O error", new IOException("Connection reset"))).code().code())
			.isEqualTo("external_service_error");
		assertThat(map(new RestClientException("Error while extracting response")).code().code())
			.isEqualTo("external_service_error");
	}

	@Test
	void retryAfterThatIsNotASmallNumberOfSecondsIsNotPassedOn() {
		HttpHeaders date = new HttpHeaders();
		date.set(HttpHeaders.RETRY_AFTER, "Wed, 21 Oct 2026 07:28:00 GMT");
		HttpHeaders huge = new HttpHeaders();
		huge.set(HttpHeaders.RETRY_AFTER, "999999");
		assertThat(map(unavailable(date)).headers().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
		assertThat(map(unavailable(huge)).headers().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
		assertThat(map(unavailable(huge)).code().code()).isEqualTo("service_unavailable");
	}

	@Test
	void otherFailuresAreNotItsConcern() {
		assertThat(this.mapper.map(new ConnectException("not through a Spring client"))).isNull();
	}

	@Test
	void runsAfterAugnoExceptionAndBeforeErrorResponse() {
		assertThat(this.mapper.getOrder()).isGreaterThan(ExceptionMapper.SPRING_MVC_ORDER)
			.isLessThan(ExceptionMapper.ERROR_RESPONSE_ORDER);
	}

	private static HttpServerErrorException unavailable(HttpHeaders headers) {
		return HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", headers,
				new byte[0], StandardCharsets.UTF_8);
	}

	private MappedError map(Throwable throwable) {
		MappedError mapped = this.mapper.map(throwable);
		assertThat(mapped).isNotNull();
		return mapped;
	}

}
