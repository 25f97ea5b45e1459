package com.augno.errors.spring.security;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The most common set-up, as an application writes it: {@code httpBasic()} and
 * {@code anyRequest().authenticated()}, nothing about errors, the error path not
 * permitted. HTTP Basic's own challenge survives with the envelope, so that
 * {@code curl --anyauth} and browsers still know to send Basic credentials, and expired
 * credentials are still {@code expired_token}; a denial still reaches the application's
 * own access denied handler. // gh-11
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.autoconfigure.exclude=" })
@ExtendWith(OutputCaptureExtension.class)
class HttpBasicChallengeIntegrationTests {

	private static final String BASIC_CHALLENGE = "Basic realm=\"Realm\", charset=\"UTF-8\"";

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void missingCredentialsGetTheBasicChallengeAndSaySo() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Accept", "application/json");
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(BASIC_CHALLENGE);
	}

	@Test
	void anyAuthClientLearnsBasicFromTheChallengeAndThenGetsIn() throws Exception {
		// What curl --anyauth does: ask without credentials, pick the scheme offered.
		HttpResponse<String> challenge = this.client.get("/hello");
		assertThat(challenge.statusCode()).isEqualTo(401);
		String scheme = challenge.headers().firstValue("WWW-Authenticate").orElseThrow().split(" ", 2)[0];
		assertThat(scheme).isEqualTo("Basic");
		HttpResponse<String> response = this.client.get("/hello", "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello alice");
	}

	@Test
	void expiredCredentialsAreExpiredTokenThoughTheErrorPathIsNotPermitted(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Authorization",
				LoopbackHttp.basic("carol", "secret"));
		assertClientError(response, "expired_token", "Your session has expired. Please sign in again.");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(BASIC_CHALLENGE);
		assertThat(output).as("a client error logs no stack trace").doesNotContain("CredentialsExpiredException");
	}

	@Test
	void wrongPasswordIsInvalidCredentialsThoughTheErrorPathIsNotPermitted() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Authorization",
				LoopbackHttp.basic("alice", "wrong"));
		assertClientError(response, "invalid_credentials", "The provided credentials are incorrect.");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(BASIC_CHALLENGE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer abc", "Basic !!!" })
	void credentialsNoMechanismAcceptsAreIncorrectNotMissing(String authorization) throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Authorization", authorization);
		assertClientError(response, "invalid_credentials", "The provided credentials are incorrect.");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(BASIC_CHALLENGE);
	}

	@Test
	void browserGetsTheBasicChallengeSoThatItPrompts() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Accept", BROWSER_ACCEPT);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(BASIC_CHALLENGE);
	}

	/**
	 * HTTP Basic answers an {@code XMLHttpRequest} with a 401 and no challenge, so that
	 * the browser running the script shows no sign-in dialog: the envelope keeps it so,
	 * rather than inventing the configured challenge.
	 */
	@Test
	void xmlHttpRequestGetsNoChallengeAsHttpBasicAnswersIt() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Accept", "application/json", "X-Requested-With",
				"XMLHttpRequest");
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
		assertThat(response.headers().allValues("WWW-Authenticate")).isEmpty();
	}

	@Test
	void applicationsOwnAccessDeniedHandlerStillAnswersADenial() throws Exception {
		// The exception translation filter is rebuilt around the entry point; a denial
		// must still reach the handler the application set.
		HttpResponse<String> response = this.client.get("/admin", "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(response.body()).isEqualTo("admins only");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http
				.authorizeHttpRequests(
						(requests) -> requests.requestMatchers("/admin").hasRole("ADMIN").anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler((request, response, denied) -> {
					response.setStatus(403);
					response.setContentType("text/plain");
					response.getWriter().write("admins only");
				}))
				.build();
		}

		@Bean
		UserDetailsService userDetailsService() {
			return new InMemoryUserDetailsManager(
					User.withUsername("alice").password("{noop}secret").roles("USER").build(),
					User.withUsername("carol").password("{noop}secret").roles("USER").credentialsExpired(true).build());
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/hello")
		String hello() {
			return "hello " + SecurityContextHolder.getContext().getAuthentication().getName();
		}

		@GetMapping("/admin")
		String admin() {
			return "admin";
		}

	}

}
