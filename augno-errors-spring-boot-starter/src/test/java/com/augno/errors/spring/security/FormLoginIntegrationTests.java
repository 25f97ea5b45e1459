package com.augno.errors.spring.security;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with {@code formLogin()}: a browser navigating to a protected page keeps
 * its redirect to the login page, an API client gets the envelope, and a form with a
 * stale CSRF token is forbidden (403) for an API client, not a request to sign in, while
 * a browser gets Spring Security's own answer. // gh-11
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.autoconfigure.exclude=" })
class FormLoginIntegrationTests {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void browserNavigatingToAProtectedPageIsRedirectedToTheLoginPage() throws Exception {
		HttpResponse<String> response = this.client.get("/account", "Accept", BROWSER_ACCEPT);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + this.port + "/login");
		assertThat(response.headers().firstValue("Content-Type")).isEmpty();
		assertThat(response.body()).isEmpty();
	}

	@Test
	void aRequestThatNamesNoMediaTypeKeepsTheRedirect() throws Exception {
		// As a test's MockMvc request without Accept, or a bare HTTP client.
		HttpResponse<String> response = this.client.get("/account");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + this.port + "/login");
	}

	@Test
	void anHtmxRequestKeepsTheRedirect() throws Exception {
		// htmx's XMLHttpRequest follows the redirect and swaps the login form into the
		// page; a 401 would leave the click without effect.
		HttpResponse<String> response = this.client.get("/account", "Accept", "*/*", "HX-Request", "true");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + this.port + "/login");
		assertThat(response.body()).isEmpty();
	}

	@Test
	void loginPageStillServesTheBrowser() throws Exception {
		HttpResponse<String> response = this.client.get("/login", "Accept", BROWSER_ACCEPT);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("<form");
	}

	@Test
	void jsonClientGetsTheEnvelopeInsteadOfTheRedirect() throws Exception {
		assertUnauthenticatedEnvelope(this.client.get("/account", "Accept", "application/json"));
	}

	@Test
	void xmlHttpRequestGetsTheEnvelopeInsteadOfTheRedirect() throws Exception {
		assertUnauthenticatedEnvelope(
				this.client.get("/account", "Accept", "*/*", "X-Requested-With", "XMLHttpRequest"));
	}

	@Test
	void browserPostingTheLoginFormWithAStaleCsrfTokenIsSentBackToTheLoginPage() throws Exception {
		// Spring Security's own answer, as without the starter: sendError(403), whose
		// error dispatch needs authentication here, so the login form comes again.
		HttpResponse<String> response = this.client.postForm("/login", "username=alice&password=secret&_csrf=stale",
				"Accept", BROWSER_ACCEPT);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).startsWith("http://127.0.0.1:" + this.port + "/login"));
		assertThat(response.body()).isEmpty();
	}

	@Test
	void apiClientPostingTheLoginFormWithAStaleCsrfTokenIsForbidden() throws Exception {
		HttpResponse<String> response = this.client.postForm("/login", "username=alice&password=secret&_csrf=stale");
		assertCsrfRejected(response);
	}

	@Test
	void apiClientPostingWithoutACsrfTokenIsForbiddenNotAskedToAuthenticate() throws Exception {
		HttpResponse<String> response = this.client.postJson("/account", "{}");
		assertCsrfRejected(response);
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	private static void assertCsrfRejected(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertClientError(response, "insufficient_permissions", "The request's CSRF token is missing or invalid.");
	}

	private static void assertUnauthenticatedEnvelope(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertThat(response.headers().allValues("WWW-Authenticate")).as("the configured challenge: a form sets none")
			.containsExactly("Bearer");
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

		@Bean
		UserDetailsService userDetailsService() {
			return TestUsers.alice();
		}

	}

	@RestController
	static class Controller {

		@GetMapping({ "/account", "/api/account" })
		String account() {
			return "account";
		}

		@PostMapping("/account")
		String update() {
			return "updated";
		}

	}

}
