package com.augno.errors.spring.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.SecretKey;

import com.augno.errors.spring.test.LoopbackHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.security.SecurityResponses.assertBareInsufficientScope;
import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OAuth2 resource server with a real {@link NimbusJwtDecoder} and real HMAC-signed
 * tokens: its own bearer token entry point answers, with its {@code WWW-Authenticate}
 * challenge (never the configured fallback, set here to tell them apart), and the
 * envelope carries the code of the recorded failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.autoconfigure.exclude=", "augno.errors.security.www-authenticate=ApiKey" })
class BearerTokenErrorsIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void expiredJwtIsExpiredTokenKeepingTheBearerChallenge() throws Exception {
		Instant now = Instant.now();
		String token = token(TestTokens.KEY, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
		HttpResponse<String> response = this.client.get("/hello", "Authorization", "Bearer " + token);
		assertClientError(response, "expired_token", "Your session has expired. Please sign in again.");
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
			.startsWith("Bearer error=\"invalid_token\"")
			.contains("Jwt expired at");
	}

	@Test
	void jwtSignedWithAnotherKeyIsInvalidCredentialsKeepingTheBearerChallenge() throws Exception {
		Instant now = Instant.now();
		String token = token(TestTokens.OTHER_KEY, now, now.plus(Duration.ofHours(1)));
		HttpResponse<String> response = this.client.get("/hello", "Authorization", "Bearer " + token);
		assertClientError(response, "invalid_credentials", "The provided credentials are incorrect.");
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
			.startsWith("Bearer error=\"invalid_token\"");
	}

	@Test
	void missingTokenIsInvalidCredentialsSayingSoWithTheResourceServersOwnChallenge() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Accept", "application/json");
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
		// Spring Security 7.1 names its protected resource metadata (RFC 9728).
		assertThat(response.headers().allValues("WWW-Authenticate")).as("not the configured fallback")
			.containsExactly("Bearer resource_metadata=\"http://127.0.0.1:" + this.port
					+ "/.well-known/oauth-protected-resource\"");
	}

	@Test
	void aTokenWithoutTheScopeARuleDemandsKeepsTheInsufficientScopeChallenge() throws Exception {
		Instant now = Instant.now();
		String token = token(TestTokens.KEY, now, now.plus(Duration.ofHours(1)));
		for (String path : new String[] { "/scoped/report", "/method/scoped" }) {
			HttpResponse<String> response = this.client.get(path, "Authorization", "Bearer " + token);
			assertClientError(response, "insufficient_permissions",
					"You do not have permission to perform this action.");
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.headers().allValues("WWW-Authenticate")).as(path)
				.singleElement()
				.asString()
				.startsWith("Bearer error=\"insufficient_scope\"");
		}
	}

	@Test
	void aBrowserWithATokenWithoutTheScopeGetsTheResourceServersOwnAnswer() throws Exception {
		Instant now = Instant.now();
		String token = token(TestTokens.KEY, now, now.plus(Duration.ofHours(1)));
		HttpResponse<String> response = this.client.get("/scoped/report", "Authorization", "Bearer " + token, "Accept",
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		assertBareInsufficientScope(response);
	}

	@Test
	void validJwtReachesTheController() throws Exception {
		Instant now = Instant.now();
		String token = token(TestTokens.KEY, now, now.plus(Duration.ofHours(1)));
		HttpResponse<String> response = this.client.get("/hello", "Authorization", "Bearer " + token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello");
	}

	private static String token(SecretKey key, Instant issuedAt, Instant expiresAt) throws Exception {
		return TestTokens.token(key, "alice", issuedAt, expiresAt, null);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableMethodSecurity
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/error")
					.permitAll()
					.requestMatchers("/scoped/**")
					.hasAuthority("SCOPE_reports:read")
					.anyRequest()
					.authenticated())
				.oauth2ResourceServer((server) -> server
					.jwt((jwt) -> jwt.decoder(NimbusJwtDecoder.withSecretKey(TestTokens.KEY).build())))
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.build();
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

		@GetMapping("/scoped/report")
		String report() {
			return "report";
		}

		@GetMapping("/method/scoped")
		@PreAuthorize("hasAuthority('SCOPE_reports:read')")
		String scoped() {
			return "scoped";
		}

	}

}
