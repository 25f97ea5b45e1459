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
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that sets its own entry point in its {@code SecurityFilterChain} keeps
 * it, a body or a success status of its own included; the access denied handler it did
 * not set is still the envelope one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.autoconfigure.exclude=" })
class UserEntryPointIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void applicationsOwnEntryPointAnswersMissingCredentials() throws Exception {
		HttpResponse<String> response = this.client.get("/admin");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Custom");
		assertThat(response.body()).isEqualTo("sign in first");
		assertThat(response.headers().firstValue("Request-Id")).isPresent();
	}

	@Test
	void entryPointThatAnswersWithASuccessStatusKeepsItsAnswer() throws Exception {
		HttpResponse<String> response = this.client.get("/admin", "HX-Request", "true");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("HX-Redirect")).hasValue("/login");
		assertThat(response.headers().firstValue("Content-Type")).isEmpty();
		assertThat(response.body()).isEmpty();
	}

	@Test
	void accessDeniedHandlerTheApplicationDidNotSetStillWritesTheEnvelope() throws Exception {
		HttpResponse<String> response = this.client.get("/admin", "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		assertClientError(response, "insufficient_permissions", "You do not have permission to perform this action.");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("ADMIN"))
				.httpBasic(Customizer.withDefaults())
				.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
					if (request.getHeader("HX-Request") != null) {
						// htmx follows HX-Redirect on a success only.
						response.setStatus(200);
						response.setHeader("HX-Redirect", "/login");
						return;
					}
					response.setStatus(401);
					response.setHeader("WWW-Authenticate", "Custom");
					response.setContentType("text/plain");
					response.getWriter().write("sign in first");
				}))
				.build();
		}

		@Bean
		UserDetailsService userDetailsService() {
			return TestUsers.alice();
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/admin")
		String admin() {
			return "admin";
		}

	}

}
