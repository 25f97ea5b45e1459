package com.augno.errors.spring.security;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's default WebFlux security chain (no {@code SecurityWebFilterChain} of the
 * application: a login form and HTTP Basic) over Reactor Netty: a browser navigating to a
 * page is still redirected to the login form, an API client gets the envelope with HTTP
 * Basic's challenge, and a request without its CSRF token the envelope too, as on Spring
 * MVC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.main.web-application-type=reactive" })
class ReactiveDefaultChainIntegrationTests {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void browserIsRedirectedToTheLoginForm() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Accept", BROWSER_ACCEPT);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(response.body()).doesNotContain("invalid_credentials");
	}

	@Test
	void apiClientGetsTheEnvelopeWithTheBasicChallenge() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Accept", "application/json");
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Basic realm=\"Realm\"");
		assertThat(response.headers().firstValue("Request-Id")).isPresent();
	}

	@Test
	void apiClientPostingWithoutACsrfTokenGetsTheEnvelope() throws Exception {
		HttpResponse<String> response = this.client.postJson("/hello", "{}");
		assertClientError(response, "insufficient_permissions", "The request's CSRF token is missing or invalid.");
		assertThat(response.headers().firstValue("Request-Id")).isPresent();
	}

	@Test
	void theLoginFormItselfIsServed() throws Exception {
		HttpResponse<String> response = this.client.get("/login", "Accept", BROWSER_ACCEPT);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("<form");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

	}

	@RestController
	static class Controller {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
