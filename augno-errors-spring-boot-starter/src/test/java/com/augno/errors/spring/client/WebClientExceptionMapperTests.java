package com.augno.errors.spring.client;

import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.mapping.MappedError;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code WebClient} failures that are hard to provoke over a real socket on every
 * machine, mapped as {@link RestClientExceptionMapper} maps their {@code RestClient}
 * counterparts.
 */
class WebClientExceptionMapperTests {

	private final WebClientExceptionMapper mapper = new WebClientExceptionMapper();

	@Test
	void anUnknownHostIsConnectionError() {
		WebClientRequestException failure = new WebClientRequestException(
				new UnknownHostException("no-such-host.invalid"), HttpMethod.GET,
				URI.create("http://no-such-host.invalid/"), new HttpHeaders());
		assertThat(code(this.mapper.map(failure))).isEqualTo("connection_error");
	}

	@Test
	void aResponseExceptionOfAClientWithoutTheHandlerIsExternalServiceError() {
		WebClientResponseException failure = WebClientResponseException.create(404, "Not Found", new HttpHeaders(),
				"{}".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		assertThat(code(this.mapper.map(failure))).isEqualTo("external_service_error");
	}

	@Test
	void aCodeConfiguredToPassThroughIsReadFromTheResponseException() {
		WebClientExceptionMapper passing = new WebClientExceptionMapper(ErrorRegistry.standard(),
				Set.of("resource_not_found"), new DownstreamErrorReader());
		byte[] envelope = """
				{"error":{"code":"resource_not_found","type":"invalid_request_error","message":"Label not found.",
				"param":null,"doc_url":"https://docs.augno.com/api/errors#resource_not_found","is_transient":false,
				"quota":null,"request_log_url":"https://augno.com/dashboard/request-logs/rq_theirs"}}"""
			.getBytes(StandardCharsets.UTF_8);
		HttpHeaders json = new HttpHeaders();
		json.setContentType(MediaType.APPLICATION_JSON);
		MappedError mapped = passing
			.map(WebClientResponseException.create(404, "Not Found", json, envelope, StandardCharsets.UTF_8));
		assertThat(code(mapped)).isEqualTo("resource_not_found");
		assertThat(mapped.message()).isEqualTo("Label not found.");
		assertThat(code(this.mapper
			.map(WebClientResponseException.create(404, "Not Found", json, envelope, StandardCharsets.UTF_8))))
			.isEqualTo("external_service_error");
	}

	@Test
	void aPlainTimeoutIsTimeoutAndOtherFailuresAreNotItsConcern() {
		assertThat(code(this.mapper.map(new TimeoutException("Did not observe any item")))).isEqualTo("timeout");
		assertThat(this.mapper.map(new IllegalStateException("x"))).isNull();
	}

	private static String code(MappedError mapped) {
		assertThat(mapped).isNotNull();
		return mapped.code().code();
	}

}
