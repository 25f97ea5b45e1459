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
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.security.SecurityResponses.assertBareInsufficientScope;
import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring MVC filter chain with HTTP Basic and a JWT resource server on Tomcat: the
 * resource server's access denied handler is the chain's only default one, so without the
 * starter a caller signed in with HTTP Basic gets its bare
 * {@code WWW-Authenticate: Bearer} with a denial, and a token's caller its
 * {@code insufficient_scope} challenge. The starter keeps both, with the envelope for an
 * API client within {@code augno.errors.paths}, and with the resource server's bodiless
 * 403 for a browser and outside the paths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.autoconfigure.exclude=", "augno.errors.paths=/api/**" })
class BasicInResourceServerChainIntegrationTests {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void aDenialOfABasicCallerKeepsTheResourceServersChallengeWithTheEnvelope() throws Exception {
		HttpResponse<String> response = this.client.get("/api/admin", "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		assertClientError(response, "insufficient_permissions", "You do not have permission to perform this action.");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
	}

	@Test
	void aBrowserSignedInWithBasicGetsTheResourceServersOwnAnswer() throws Exception {
		HttpResponse<String> response = this.client.get("/api/admin", "Authorization",
				LoopbackHttp.basic("alice", "secret"), "Accept", BROWSER_ACCEPT);
		assertBareForbidden(response);
	}

	@Test
	void aDenialOfABasicCallerOutsideThePathsIsTheResourceServersOwnAnswer() throws Exception {
		HttpResponse<String> response = this.client.get("/admin", "Authorization",
				LoopbackHttp.basic("alice", "secret"), "Accept", "application/json");
		assertBareForbidden(response);
	}

	@Test
	void aDenialOfATokensCallerOutsideThePathsIsTheResourceServersOwnAnswer() throws Exception {
		HttpResponse<String> response = this.client.get("/admin", "Authorization", "Bearer " + TestTokens.readScoped(),
				"Accept", "application/json");
		assertBareInsufficientScope(response);
	}

	private static void assertBareForbidden(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
		assertThat(response.body()).isEmpty();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/error")
					.permitAll()
					.requestMatchers("/admin", "/api/admin")
					.hasAuthority("SCOPE_admin")
					.anyRequest()
					.authenticated())
				.httpBasic(Customizer.withDefaults())
				.oauth2ResourceServer((server) -> server
					.jwt((jwt) -> jwt.decoder(NimbusJwtDecoder.withSecretKey(TestTokens.KEY).build())))
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.build();
		}

		@Bean
		UserDetailsService userDetailsService() {
			return TestUsers.alice();
		}

	}

	@RestController
	static class Controller {

		@GetMapping({ "/admin", "/api/admin" })
		String admin() {
			return "admin";
		}

	}

}
