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
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.security.SecurityResponses.assertBareInsufficientScope;
import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux chain with HTTP Basic and a JWT resource server over Reactor Netty, with
 * {@code augno.errors.paths}: the resource server's access denied handler is the chain's
 * only default one, so without the starter every denial carries its challenge, a bare
 * {@code WWW-Authenticate: Bearer} for a caller signed in with HTTP Basic and
 * {@code insufficient_scope} for a token's caller. The starter keeps both, inside the
 * paths with the envelope and outside them with the resource server's bodiless 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive", "augno.errors.paths=/api/**" })
class ReactiveBasicInResourceServerChainIntegrationTests {

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
	void aDenialOfATokensCallerKeepsInsufficientScopeWithTheEnvelope() throws Exception {
		HttpResponse<String> response = this.client.get("/api/admin", "Authorization",
				"Bearer " + TestTokens.readScoped());
		assertClientError(response, "insufficient_permissions", "You do not have permission to perform this action.");
		assertThat(response.headers().allValues("WWW-Authenticate")).singleElement()
			.asString()
			.startsWith("Bearer error=\"insufficient_scope\"");
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
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http
				.authorizeExchange((exchanges) -> exchanges.pathMatchers("/admin", "/api/admin")
					.hasAuthority("SCOPE_admin")
					.anyExchange()
					.authenticated())
				.httpBasic(Customizer.withDefaults())
				.oauth2ResourceServer((server) -> server
					.jwt((jwt) -> jwt.jwtDecoder(NimbusReactiveJwtDecoder.withSecretKey(TestTokens.KEY).build())))
				.build();
		}

		@Bean
		MapReactiveUserDetailsService userDetailsService() {
			return TestUsers.reactiveAlice();
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
