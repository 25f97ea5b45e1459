package com.augno.errors.spring.versioning;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.augno.errors.test.AugnoErrors;
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
		AugnoErrors.assertThat(response)
			.isAugnoError("api_version_required")
			.hasContentLength()
			.hasMessage("The Augno-Version header is required. Please include a valid API version. "
					+ "The latest version is 2025-06-01.")
			.hasNoParam();
	}

	@Test
	void unparseableVersionIsApiVersionInvalidListingSupportedVersions() throws Exception {
		HttpResponse<String> response = get("/widgets", "not-a-date");
		AugnoErrors.assertThat(response)
			.isAugnoError("api_version_invalid")
			.hasContentLength()
			.hasMessage("Invalid API version 'not-a-date'. Supported versions: " + SUPPORTED)
			.hasNoParam();
	}

	@Test
	void unsupportedNewerVersionIsApiVersionInvalid() throws Exception {
		HttpResponse<String> response = get("/widgets", "2099-01-01");
		AugnoErrors.assertThat(response)
			.isAugnoError("api_version_invalid")
			.hasContentLength()
			.hasMessage("Invalid API version '2099-01-01'. Supported versions: " + SUPPORTED)
			.hasNoParam();
	}

	@Test
	void versionBelowTheMinimumIsApiVersionTooOld() throws Exception {
		HttpResponse<String> response = get("/widgets", "2024-01-01");
		AugnoErrors.assertThat(response)
			.isAugnoError("api_version_too_old")
			.hasContentLength()
			.hasMessage("This endpoint requires API version 2024-06-01 or newer. You requested 2024-01-01.")
			.hasNoParam();
	}

	@Test
	void versionBelowTheEndpointsLowestMappingIsApiVersionTooOld() throws Exception {
		HttpResponse<String> response = get("/reports", "2024-06-01");
		AugnoErrors.assertThat(response)
			.isAugnoError("api_version_too_old")
			.hasContentLength()
			.hasMessage("This endpoint requires API version 2025-01-01 or newer. You requested 2024-06-01.")
			.hasNoParam();
	}

	@Test
	void unknownPathWithAVersionStaysResourceNotFound() throws Exception {
		HttpResponse<String> response = get("/nothing-here", "2024-06-01");
		AugnoErrors.assertThat(response)
			.isAugnoError("resource_not_found")
			.hasContentLength()
			.hasMessage("Unrecognized request URL: GET /nothing-here.")
			.hasNoParam();
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
