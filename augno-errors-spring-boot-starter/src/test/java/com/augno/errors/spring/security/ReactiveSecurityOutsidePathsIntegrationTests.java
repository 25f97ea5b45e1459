package com.augno.errors.spring.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security on WebFlux over Reactor Netty with {@code augno.errors.paths}: outside
 * the paths every client gets what Spring Security answers without the starter (HTTP
 * Basic's 401 with its challenge, the plain-text 403 of an authorization rule's or the
 * CSRF filter's denial), never a 500 from Spring Boot's handler; inside them, the
 * envelope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.main.web-application-type=reactive",
				"augno.errors.paths=/api/**" })
@ExtendWith(OutputCaptureExtension.class)
class ReactiveSecurityOutsidePathsIntegrationTests {

	private static final String BASIC_CHALLENGE = "Basic realm=\"Realm\"";

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void missingCredentialsOutsideThePathsGetHttpBasicsOwnAnswer(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(BASIC_CHALLENGE);
		assertThat(response.body()).isEmpty();
		assertThat(output.getOut()).doesNotContain("500 Server Error").doesNotContain("ERROR");
	}

	@Test
	void anXmlHttpRequestOutsideThePathsGetsHttpBasicsBare401() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "X-Requested-With", "XMLHttpRequest");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).isEmpty();
		assertThat(response.body()).isEmpty();
	}

	@Test
	void wrongCredentialsOutsideThePathsGetHttpBasicsOwnAnswer() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Authorization",
				LoopbackHttp.basic("alice", "wrong"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(BASIC_CHALLENGE);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void aDenialOutsideThePathsGetsSpringSecuritysOwn403(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.client.get("/admin", "Authorization",
				LoopbackHttp.basic("alice", "secret"), "Accept", "application/json");
		assertAccessDenied(response);
		assertThat(output.getOut()).doesNotContain("500 Server Error").doesNotContain("ERROR");
	}

	@Test
	void aDenialOutsideThePathsGetsSpringSecuritysOwn403ForABrowserToo() throws Exception {
		HttpResponse<String> response = this.client.get("/admin", "Authorization",
				LoopbackHttp.basic("alice", "secret"), "Accept", BROWSER_ACCEPT);
		assertAccessDenied(response);
	}

	@Test
	void aMissingCsrfTokenOutsideThePathsGetsSpringSecuritysOwn403() throws Exception {
		HttpResponse<String> response = this.client.send(this.client.request("/hello")
			.header("Authorization", LoopbackHttp.basic("alice", "secret"))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertAccessDenied(response);
	}

	@Test
	void missingCredentialsInsideThePathsGetTheEnvelopeWithTheChallenge() throws Exception {
		HttpResponse<String> response = this.client.get("/api/hello", "Accept", "application/json");
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(BASIC_CHALLENGE);
	}

	@Test
	void aDenialInsideThePathsGetsTheEnvelope() throws Exception {
		HttpResponse<String> response = this.client.get("/api/admin", "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		assertClientError(response, "insufficient_permissions", "You do not have permission to perform this action.");
	}

	private static void assertAccessDenied(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(response.body()).isEqualTo("Access Denied");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http
				.authorizeExchange((exchanges) -> exchanges.pathMatchers("/admin", "/api/admin")
					.hasRole("ADMIN")
					.anyExchange()
					.authenticated())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

		@Bean
		MapReactiveUserDetailsService userDetailsService() {
			return TestUsers.reactiveAlice();
		}

	}

	@RestController
	static class Controller {

		@GetMapping({ "/hello", "/api/hello" })
		String hello() {
			return "hello";
		}

		@PostMapping("/hello")
		String post() {
			return "posted";
		}

		@GetMapping({ "/admin", "/api/admin" })
		String admin() {
			return "admin";
		}

	}

}
