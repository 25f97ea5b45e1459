package com.augno.errors.spring.security;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.security.SecurityResponses.assertBareUnauthorized;
import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @PreAuthorize} on WebFlux over Reactor Netty, behind URLs open to all, as an
 * application with method security writes it: Spring Security's exception translation
 * answers a denial of a caller not signed in with the mechanism's challenge, and an API
 * client gets the envelope with it, as on Spring MVC; a browser gets the bare challenge
 * so that it prompts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.main.web-application-type=reactive" })
class ReactiveMethodSecurityIntegrationTests {

	private static final String BASIC_CHALLENGE = "Basic realm=\"Realm\"";

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void denialOfAnApiClientNotSignedInIsTheEnvelopeWithTheMechanismsChallenge() throws Exception {
		HttpResponse<String> response = this.client.get("/me", "Accept", "application/json");
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(BASIC_CHALLENGE);
		assertThat(response.headers().firstValue("Request-Id")).isPresent();
	}

	@Test
	void denialOfABrowserNotSignedInIsTheBareChallengeSoThatItPrompts() throws Exception {
		HttpResponse<String> response = this.client.get("/me", "Accept", BROWSER_ACCEPT);
		assertBareUnauthorized(response, BASIC_CHALLENGE);
	}

	@Test
	void aSignedInCallerReachesTheMethod() throws Exception {
		HttpResponse<String> response = this.client.get("/me", "Authorization", LoopbackHttp.basic("alice", "secret"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("me alice");
	}

	@Test
	void denialOfASignedInCallerIsInsufficientPermissions() throws Exception {
		HttpResponse<String> response = this.client.get("/admin", "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		assertClientError(response, "insufficient_permissions", "You do not have permission to perform this action.");
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void aBodylessUnauthorizedTheApplicationAnswersItselfIsLeftAlone() throws Exception {
		HttpResponse<String> response = this.client.get("/own-401", "Accept", "application/json");
		assertBareUnauthorized(response);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableReactiveMethodSecurity
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
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

		@GetMapping("/me")
		@PreAuthorize("isAuthenticated()")
		Mono<String> me(Mono<Authentication> authentication) {
			return authentication.map((signedIn) -> "me " + signedIn.getName());
		}

		@GetMapping("/admin")
		@PreAuthorize("hasRole('ADMIN')")
		Mono<String> admin() {
			return Mono.just("admin");
		}

		@GetMapping("/own-401")
		ResponseEntity<Void> own401() {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}

	}

}
