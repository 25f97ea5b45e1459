package com.augno.errors.spring.jetty;

import java.io.IOException;

import com.augno.errors.spring.tomcat.RawHttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jetty's own rejections go through the service's format too: with
 * {@code augno.errors.format=problem}, a request Jetty cannot parse gets problem details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "augno.errors.format=problem" })
class JettyFormatsIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void answersJettysRejectionInTheServicesFormat() throws IOException {
		RawHttpResponse response = RawHttpResponse.exchange(this.port,
				"GET /a|b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response.statusLine()).startsWith("HTTP/1.1 400");
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		JsonNode problem = JsonMapper.builder().build().readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("code").asString()).isEqualTo("validation_failed");
		assertThat(problem.get("detail").asString())
			.isEqualTo("The request could not be understood: its request line or headers are malformed.");
		assertThat(problem.has("instance")).isFalse();
		assertThat(problem.get("request_log_url").asString()).endsWith(response.header("Request-Id"));
	}

	@Test
	void answersTheApplicationsErrorsInTheServicesFormat() throws IOException {
		RawHttpResponse response = RawHttpResponse.exchange(this.port,
				"GET /missing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response.statusLine()).startsWith("HTTP/1.1 404");
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		JsonNode problem = JsonMapper.builder().build().readTree(response.body());
		assertThat(problem.get("code").asString()).isEqualTo("resource_not_found");
		assertThat(problem.get("instance").asString()).isEqualTo("/missing");
	}

	@SpringBootApplication
	@RestController
	static class App {

		@GetMapping("/ok")
		String ok() {
			return "ok";
		}

	}

}
