package com.augno.errors.spring.ratelimit;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits in memory over a real Tomcat: a route limited by path and method, a handler
 * limited by {@link RateLimit}, callers told apart by API key, and the headers on
 * successes and refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "augno.errors.rate-limits.routes[0].name=orders-write",
				"augno.errors.rate-limits.routes[0].paths=/orders/**",
				"augno.errors.rate-limits.routes[0].methods=post,PUT", "augno.errors.rate-limits.routes[0].limit=2",
				"augno.errors.rate-limits.routes[0].window=1m" })
class RateLimitIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void successCarriesTheRateLimitFields() throws Exception {
		HttpResponse<String> response = send("POST", "/orders/1", "key-success");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"orders-write\";q=2;w=60");
		assertThat(response.headers().firstValue("RateLimit").orElseThrow()).matches("\"orders-write\";r=1;t=(59|60)");
	}

	@Test
	void overTheRouteLimitIsRateLimitExceededWithRetryAfter() throws Exception {
		assertThat(send("POST", "/orders/1", "key-over").statusCode()).isEqualTo(200);
		assertThat(send("PUT", "/orders/2", "key-over").statusCode()).isEqualTo(200);
		HttpResponse<String> refused = send("POST", "/orders/3", "key-over");
		long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(55L, 60L);
		assertThat(refused.headers().firstValue("RateLimit")).hasValue("\"orders-write\";r=0;t=" + retryAfter);
		assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue("\"orders-write\";q=2;w=60");
		AugnoErrors.assertThat(refused)
			.isAugnoError("rate_limit_exceeded")
			.hasStatus(429)
			.hasMessage("Too many requests. Please wait before trying again.")
			.hasNoParam()
			.isTransient()
			.hasNoQuota();
		// Another caller has a bucket of its own; a method the route does not name is
		// free.
		assertThat(send("POST", "/orders/1", "key-other").statusCode()).isEqualTo(200);
		HttpResponse<String> read = send("GET", "/orders/1", "key-over");
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.headers().firstValue("RateLimit")).isEmpty();
	}

	@Test
	void annotatedHandlerIsLimitedPerCallerUnderItsDerivedName() throws Exception {
		for (int i = 2; i >= 0; i--) {
			HttpResponse<String> response = send("GET", "/search", null);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("RateLimit").orElseThrow())
				.startsWith("\"SearchController.search\";r=" + i + ";t=");
		}
		HttpResponse<String> refused = send("GET", "/search", null);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue("\"SearchController.search\";q=3;w=3600");
		assertThat(send("GET", "/search", "key-search").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> send(String method, String path, @Nullable String apiKey)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (apiKey != null) {
			request.header("X-API-Key", apiKey);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ OrderController.class, SearchController.class })
	static class TestApplication {

	}

	@RestController
	static class OrderController {

		@PostMapping("/orders/{id}")
		String create(@PathVariable String id) {
			return id;
		}

		@PutMapping("/orders/{id}")
		String replace(@PathVariable String id) {
			return id;
		}

		@GetMapping("/orders/{id}")
		String read(@PathVariable String id) {
			return id;
		}

	}

	@RestController
	static class SearchController {

		@RateLimit(limit = 3, window = "1h")
		@GetMapping("/search")
		String search() {
			return "[]";
		}

	}

}
