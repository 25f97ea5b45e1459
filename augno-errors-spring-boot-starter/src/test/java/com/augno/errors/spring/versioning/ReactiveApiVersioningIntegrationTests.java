package com.augno.errors.spring.versioning;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
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
 * Date versions in the {@code Augno-Version} header over Reactor Netty: a missing, an
 * unparseable, an unsupported and a too old version are answered with the same codes,
 * statuses and messages as on Spring MVC ({@link ApiVersioningIntegrationTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive", "augno.errors.api-version.enabled=true",
		"augno.errors.api-version.supported=2025-06-01,2024-06-01,2025-01-01",
		"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
class ReactiveApiVersioningIntegrationTests {

	private static final String SUPPORTED = "[2024-06-01, 2025-01-01, 2025-06-01]";

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void servesTheNewestBaselineAtOrBelowTheRequestedVersion() throws Exception {
		HttpResponse<String> response = this.http.get("/widgets", "Augno-Version", "2025-06-01");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("widgets 2025-01-01");
	}

	@Test
	void missingVersionIsApiVersionRequiredNamingHeaderAndLatest() throws Exception {
		AugnoErrors.assertThat(this.http.get("/widgets"))
			.isAugnoError("api_version_required")
			.hasStatus(400)
			.hasMessage("The Augno-Version header is required. Please include a valid API version. "
					+ "The latest version is 2025-06-01.")
			.hasNoParam();
	}

	@Test
	void unparseableVersionIsApiVersionInvalidListingSupportedVersions() throws Exception {
		AugnoErrors.assertThat(this.http.get("/widgets", "Augno-Version", "not-a-date"))
			.isAugnoError("api_version_invalid")
			.hasMessage("Invalid API version 'not-a-date'. Supported versions: " + SUPPORTED)
			.hasNoParam();
	}

	@Test
	void unsupportedNewerVersionIsApiVersionInvalid() throws Exception {
		AugnoErrors.assertThat(this.http.get("/widgets", "Augno-Version", "2099-01-01"))
			.isAugnoError("api_version_invalid")
			.hasMessage("Invalid API version '2099-01-01'. Supported versions: " + SUPPORTED);
	}

	@Test
	void versionBelowTheMinimumIsApiVersionTooOld() throws Exception {
		AugnoErrors.assertThat(this.http.get("/widgets", "Augno-Version", "2024-01-01"))
			.isAugnoError("api_version_too_old")
			.hasMessage("This endpoint requires API version 2024-06-01 or newer. You requested 2024-01-01.");
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

	}

}
