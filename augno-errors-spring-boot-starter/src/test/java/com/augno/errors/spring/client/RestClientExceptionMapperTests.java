package com.augno.errors.spring.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorRegistry;

import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
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
	void aClientErrorThatSpringCodeOtherThanAClientRaisedIsThisServicesOwnStatus() {
		HttpClientErrorException dataRest = new HttpClientErrorException(HttpStatus.NOT_FOUND);
		dataRest.setStackTrace(frames("org.springframework.web.client.HttpClientErrorException",
				"org.springframework.data.rest.webmvc.config.ResourceMetadataHandlerMethodArgumentResolver",
				"org.springframework.web.servlet.DispatcherServlet"));
		assertThat(map(dataRest).code().code()).isEqualTo("resource_not_found");

		HttpClientErrorException downstream = new HttpClientErrorException(HttpStatus.NOT_FOUND);
		downstream.setStackTrace(frames("org.springframework.web.client.HttpClientErrorException",
				"org.springframework.web.client.DefaultResponseErrorHandler", "com.example.OrderService"));
		assertThat(map(downstream).code().code()).isEqualTo("external_service_error");

		HttpClientErrorException stackless = new HttpClientErrorException(HttpStatus.NOT_FOUND);
		stackless.setStackTrace(new StackTraceElement[0]);
		assertThat(map(stackless).code().code()).isEqualTo("external_service_error");
	}

	private static StackTraceElement[] frames(String... classNames) {
		return Arrays.stream(classNames)
			.map((className) -> new StackTraceElement(className, "call", null, 1))
			.toArray(StackTraceElement[]::new);
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

	@Test
	void downstreamEnvelopeIsNotPassedThroughByDefault() {
		MappedError mapped = map(downstream(404, "resource_not_found", false, null, false));
		assertThat(mapped.code().code()).isEqualTo("external_service_error");
		assertThat(mapped.message()).isNull();
		MappedError busy = map(downstream(503, "service_unavailable", true, Duration.ofSeconds(2), false));
		assertThat(busy.code().code()).isEqualTo("service_unavailable");
		assertThat(busy.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
	}

	@Test
	void codeConfiguredToPassThroughBecomesOurs() {
		RestClientExceptionMapper passing = new RestClientExceptionMapper(ErrorRegistry.standard(),
				Set.of("resource_not_found"), new DownstreamErrorReader());
		MappedError mapped = passing.map(downstream(404, "resource_not_found", false, null, false));
		assertThat(mapped).isNotNull();
		assertThat(mapped.code()).isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND);
		assertThat(mapped.message()).isEqualTo("Shipping term not found.");
		assertThat(mapped.param()).isNull();
		assertThat(passing.map(downstream(409, "resource_conflict", false, null, false)).code().code())
			.isEqualTo("external_service_error");
	}

	@Test
	void codeConfiguredToPassThroughIsReadFromSpringsOwnStatusException() {
		RestClientExceptionMapper passing = new RestClientExceptionMapper(ErrorRegistry.standard(),
				Set.of("resource_not_found"), new DownstreamErrorReader());
		byte[] envelope = """
				{"error":{"code":"resource_not_found","type":"invalid_request_error","message":"Shipping term not found.",
				"param":null,"doc_url":"https://docs.augno.com/api/errors#resource_not_found","is_transient":false,
				"quota":null,"request_log_url":"https://augno.com/dashboard/request-logs/rq_theirs"}}"""
			.getBytes(StandardCharsets.UTF_8);
		HttpHeaders json = new HttpHeaders();
		json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
		MappedError mapped = passing.map(HttpClientErrorException.create(HttpStatus.NOT_FOUND, "Not Found", json,
				envelope, StandardCharsets.UTF_8));
		assertThat(mapped).isNotNull();
		assertThat(mapped.code()).isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND);
		assertThat(mapped.message()).isEqualTo("Shipping term not found.");
		MappedError proxyPage = passing.map(HttpClientErrorException.create(HttpStatus.NOT_FOUND, "Not Found",
				new HttpHeaders(), "<html>Not Found</html>".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
		assertThat(proxyPage.code().code()).isEqualTo("external_service_error");
		MappedError notListed = new RestClientExceptionMapper(ErrorRegistry.standard(), Set.of(),
				new DownstreamErrorReader())
			.map(HttpClientErrorException.create(HttpStatus.NOT_FOUND, "Not Found", json, envelope,
					StandardCharsets.UTF_8));
		assertThat(notListed.code().code()).isEqualTo("external_service_error");
	}

	@Test
	void codeTheClientPassesThroughBecomesOurs() {
		RestClientExceptionMapper passing = new RestClientExceptionMapper(ErrorRegistry.standard(), Set.of(),
				new DownstreamErrorReader());
		MappedError mapped = passing.map(downstream(429, "rate_limit_exceeded", true, Duration.ofSeconds(1), true));
		assertThat(mapped).isNotNull();
		assertThat(mapped.code()).isEqualTo(ErrorCodes.RATE_LIMIT_EXCEEDED);
		assertThat(mapped.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
	}

	@Test
	void codeUnknownToOurRegistryOrBodyNotAnEnvelopeIsNeverPassedThrough() {
		RestClientExceptionMapper passing = new RestClientExceptionMapper(ErrorRegistry.standard(),
				Set.of("shipment_lost", "resource_not_found"), new DownstreamErrorReader());
		assertThat(passing.map(downstream(404, "shipment_lost", false, null, true)).code().code())
			.isEqualTo("external_service_error");
		DownstreamError proxyPage = new DownstreamError(404, "resource_not_found", null, null, null, false, null, null,
				null, false);
		assertThat(passing.map(new DownstreamErrorException(proxyPage, new HttpHeaders(), HttpMethod.GET, false, true))
			.code()
			.code()).isEqualTo("external_service_error");
	}

	@Test
	void serverErrorPassedThroughKeepsOurDefaultMessage() {
		RestClientExceptionMapper passing = new RestClientExceptionMapper(ErrorRegistry.standard(),
				Set.of("internal_error"), new DownstreamErrorReader());
		MappedError mapped = passing.map(downstream(500, "internal_error", true, null, false));
		assertThat(mapped).isNotNull();
		assertThat(mapped.code()).isEqualTo(ErrorCodes.INTERNAL_ERROR);
		assertThat(mapped.message()).isNull();
	}

	private static DownstreamErrorException downstream(int status, String code, boolean isTransient,
			@Nullable Duration retryAfter, boolean passThrough) {
		DownstreamError error = new DownstreamError(status, code, null,
				(status < 500) ? "Shipping term not found." : "Database password is hunter2", "term_id", isTransient,
				null, "rq_downstream", retryAfter, true);
		HttpHeaders headers = new HttpHeaders();
		if (retryAfter != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
		}
		return new DownstreamErrorException(error, headers, HttpMethod.GET, false, passThrough);
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
