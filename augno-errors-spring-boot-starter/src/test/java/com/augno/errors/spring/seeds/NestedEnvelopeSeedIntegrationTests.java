package com.augno.errors.spring.seeds;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004, the nested envelope with UPPER_SNAKE codes, served through a format class and
 * a catalogue file alone: both JSON examples of its error reference come back over HTTP
 * as documented, the rate limit with its four headers and the extra {@code tier}. gh-13
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate",
				"augno.errors.catalogue.location=classpath:com/augno/errors/spring/seeds/nested-envelope-errors.yaml",
				"augno.errors.format=nested" })
class NestedEnvelopeSeedIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void aMissingFieldIsAValidationErrorWithItsDetails() throws Exception {
		HttpResponse<String> response = send(request("/listings").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"price\": 12}")));
		assertThat(response.statusCode()).isEqualTo(400);
		Documented.assertBody(response, """
				{
				"code": 400,
				"status": "error",
				"message": "Validation failed",
				"error": {
				"code": "VALIDATION_ERROR",
				"message": "The title field is required",
				"details": {
				"field": "title",
				"constraint": "required"
				}
				}
				}""");
	}

	@Test
	void aRateLimitedRequestGetsTheRateLimitHeadersAndItsTier() throws Exception {
		HttpResponse<String> response = send(request("/stores/st_1/listings").GET());
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("100");
		assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
		assertThat(response.headers().firstValue("X-RateLimit-Reset")).hasValue("1707480000");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
		Documented.assertBody(response, """
				{
				"code": 429,
				"status": "error",
				"error": {
				"code": "RATE_LIMIT_EXCEEDED",
				"message": "Rate limit exceeded. Retry after 60 seconds.",
				"tier": "public_key"
				}
				}""");
	}

	@Test
	void aCodeOfTheCatalogueKeepsItsStatusAndMessage() throws Exception {
		HttpResponse<String> response = send(request("/listings/ls_nope").GET());
		assertThat(response.statusCode()).isEqualTo(404);
		Documented.assertBody(response,
				"""
						{"code": 404, "status": "error", "error": {"code": "LISTING_NOT_FOUND", "message": "Listing does not exist"}}""");
	}

	@Test
	void theFrameworksOwnFailuresGetTheCataloguesCodes() throws Exception {
		HttpResponse<String> notFound = send(request("/nope").GET());
		assertThat(notFound.statusCode()).isEqualTo(404);
		Documented.assertBody(notFound,
				"""
						{"code": 404, "status": "error", "error": {"code": "NOT_FOUND", "message": "Unrecognized request URL: GET /nope."}}""");
		HttpResponse<String> malformed = send(request("/listings").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"title\": ")));
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).startsWith(
				"{\"code\":400,\"status\":\"error\",\"message\":\"Validation failed\",\"error\":{\"code\":\"VALIDATION_ERROR\",");
	}

	private HttpRequest.Builder request(String path) {
		return new SeedClient(this.port).request(path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return new SeedClient(this.port).send(request);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ListingController.class)
	static class StoreApplication {

		@Bean
		NestedEnvelopeErrorFormat nestedEnvelopeErrorFormat(ErrorRegistry registry) {
			return new NestedEnvelopeErrorFormat(registry);
		}

	}

	record ListingDraft(@NotBlank(message = "The title field is required") String title, Integer price) {
	}

	@RestController
	static class ListingController {

		@PostMapping("/listings")
		String create(@Valid @RequestBody ListingDraft draft) {
			return draft.title();
		}

		@GetMapping("/listings/{id}")
		String find(@PathVariable String id) {
			throw AugnoException.of("LISTING_NOT_FOUND");
		}

		@GetMapping("/stores/{id}/listings")
		String listings(@PathVariable String id) {
			throw AugnoException.of("RATE_LIMIT_EXCEEDED")
				.message("Rate limit exceeded. Retry after 60 seconds.")
				.retryAfter(Duration.ofSeconds(60))
				.quota(100, 100, Instant.ofEpochSecond(1707480000))
				.member("tier", "public_key");
		}

	}

}
