package com.augno.errors.spring.versioning;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.augno.errors.spring.test.EnvelopeAssert;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Date versions in the {@code Augno-Version} header over a real Tomcat: each failure of
 * Spring's API versioning is answered with its api_version_* code, and a path that exists
 * only in a newer version is {@code api_version_too_old} while an unknown path stays
 * {@code resource_not_found}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "augno.errors.api-version.enabled=true",
				"augno.errors.api-version.supported=2025-06-01,2024-06-01,2025-01-01" })
class ApiVersioningIntegrationTests {

	private static final String SUPPORTED = "[2024-06-01, 2025-01-01, 2025-06-01]";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void servesTheBaselineOfTheRequestedVersion() throws Exception {
		HttpResponse<String> response = get("/widgets", "2024-06-01");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("widgets 2024-06-01");
	}

	@Test
	void servesTheNewestBaselineAtOrBelowTheRequestedVersion() throws Exception {
		HttpResponse<String> response = get("/widgets", "2025-06-01");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("widgets 2025-01-01");
	}

	@Test
	void missingVersionIsApiVersionRequiredNamingHeaderAndLatest() throws Exception {
		HttpResponse<String> response = get("/widgets", null);
		assertError(response).isClientError("api_version_required",
				"The Augno-Version header is required. Please include a valid API version. "
						+ "The latest version is 2025-06-01.",
				null);
	}

	@Test
	void unparseableVersionIsApiVersionInvalidListingSupportedVersions() throws Exception {
		HttpResponse<String> response = get("/widgets", "not-a-date");
		assertError(response).isClientError("api_version_invalid",
				"Invalid API version 'not-a-date'. Supported versions: " + SUPPORTED, null);
	}

	@Test
	void unsupportedNewerVersionIsApiVersionInvalid() throws Exception {
		HttpResponse<String> response = get("/widgets", "2099-01-01");
		assertError(response).isClientError("api_version_invalid",
				"Invalid API version '2099-01-01'. Supported versions: " + SUPPORTED, null);
	}

	@Test
	void versionBelowTheMinimumIsApiVersionTooOld() throws Exception {
		HttpResponse<String> response = get("/widgets", "2024-01-01");
		assertError(response).isClientError("api_version_too_old",
				"This endpoint requires API version 2024-06-01 or newer. You requested 2024-01-01.", null);
	}

	@Test
	void versionBelowTheEndpointsLowestMappingIsApiVersionTooOld() throws Exception {
		HttpResponse<String> response = get("/reports", "2024-06-01");
		assertError(response).isClientError("api_version_too_old",
				"This endpoint requires API version 2025-01-01 or newer. You requested 2024-06-01.", null);
	}

	@Test
	void unknownPathWithAVersionStaysResourceNotFound() throws Exception {
		HttpResponse<String> response = get("/nothing-here", "2024-06-01");
		assertThat(response.statusCode()).isEqualTo(404);
		assertJsonHeaders(response);
		EnvelopeAssert.assertEnvelope(response.body())
			.isClientError("resource_not_found", "Unrecognized request URL: GET /nothing-here.", null)
			.hasRequestId(requestId(response));
	}

	private static EnvelopeAssert assertError(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(400);
		assertJsonHeaders(response);
		return EnvelopeAssert.assertEnvelope(response.body()).hasRequestId(requestId(response));
	}

	private static void assertJsonHeaders(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(response.headers().firstValue("Content-Length"))
			.hasValue(Integer.toString(response.body().getBytes(StandardCharsets.UTF_8).length));
	}

	private static String requestId(HttpResponse<String> response) {
		return response.headers().firstValue("Request-Id").orElseThrow();
	}

	private HttpResponse<String> get(String path, @Nullable String version) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
		if (version != null) {
			request.header("Augno-Version", version);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(VersionedController.class)
	static class TestApplication {

	}

	@RestController
	static class VersionedController {

		@GetMapping(path = "/widgets", version = "2024-06-01+")
		String widgetsSince2024() {
			return "widgets 2024-06-01";
		}

		@GetMapping(path = "/widgets", version = "2025-01-01+")
		String widgetsSince2025() {
			return "widgets 2025-01-01";
		}

		@GetMapping(path = "/reports", version = "2025-01-01+")
		String reports() {
			return "reports";
		}

	}

}
