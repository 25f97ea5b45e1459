package com.augno.errors.spring.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.SecretKey;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.security.SecurityResponses.assertBareInsufficientScope;
import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux OAuth2 resource server over Reactor Netty with a real
 * {@link NimbusReactiveJwtDecoder} and real HMAC-signed tokens (a static key, no
 * network): the resource server's own bearer challenge answers, with its error
 * attributes, never the configured fallback (set here to tell them apart), and the
 * envelope carries the code of the failure; an authenticated client without the authority
 * gets {@code insufficient_permissions} from the starter's access denied handler.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive", "augno.errors.security.www-authenticate=ApiKey" })
class ReactiveBearerTokenIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void expiredJwtIsExpiredTokenKeepingTheBearerChallenge() throws Exception {
		Instant now = Instant.now();
		String token = token(TestTokens.KEY, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), "read");
		HttpResponse<String> response = this.client.get("/hello", "Authorization", "Bearer " + token);
		assertClientError(response, "expired_token", "Your session has expired. Please sign in again.");
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
			.startsWith("Bearer error=\"invalid_token\"")
			.contains("Jwt expired at");
		AugnoErrors.assertThat(response).hasRequestId(response.headers().firstValue("Request-Id").orElseThrow());
	}

	@Test
	void jwtSignedWithAnotherKeyIsInvalidCredentialsKeepingTheBearerChallenge() throws Exception {
		Instant now = Instant.now();
		String token = token(TestTokens.OTHER_KEY, now, now.plus(Duration.ofHours(1)), "read");
		HttpResponse<String> response = this.client.get("/hello", "Authorization", "Bearer " + token);
		assertClientError(response, "invalid_credentials", "The provided credentials are incorrect.");
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
			.startsWith("Bearer error=\"invalid_token\"");
	}

	@Test
	void missingTokenIsInvalidCredentialsSayingSoWithTheResourceServersOwnChallenge() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Accept", "application/json");
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
		assertThat(response.headers().allValues("WWW-Authenticate")).as("not the configured fallback")
			.singleElement()
			.satisfies((challenge) -> assertThat(challenge).startsWith("Bearer"));
	}

	@Test
	void aBrowserWithAJwtWithoutTheAuthorityGetsTheResourceServersOwnAnswer() throws Exception {
		Instant now = Instant.now();
		String token = token(TestTokens.KEY, now, now.plus(Duration.ofHours(1)), "read");
		HttpResponse<String> response = this.client.get("/admin", "Authorization", "Bearer " + token, "Accept",
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		assertBareInsufficientScope(response);
	}

	@Test
	void validJwtWithoutTheAuthorityIsInsufficientPermissions() throws Exception {
		Instant now = Instant.now();
		String token = token(TestTokens.KEY, now, now.plus(Duration.ofHours(1)), "read");
		HttpResponse<String> response = this.client.get("/admin", "Authorization", "Bearer " + token);
		assertClientError(response, "insufficient_permissions", "You do not have permission to perform this action.");
		AugnoErrors.assertThat(response).hasRequestId(response.headers().firstValue("Request-Id").orElseThrow());
		assertThat(response.headers().allValues("WWW-Authenticate")).as("the resource server's own challenge")
			.singleElement()
			.asString()
			.startsWith("Bearer error=\"insufficient_scope\"");
	}

	@Test
	void validJwtReachesTheController() throws Exception {
		Instant now = Instant.now();
		String token = token(TestTokens.KEY, now, now.plus(Duration.ofHours(1)), "read");
		HttpResponse<String> response = this.client.get("/hello", "Authorization", "Bearer " + token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello");
	}

	private static String token(SecretKey key, Instant issuedAt, Instant expiresAt, String scope) throws Exception {
		return TestTokens.token(key, "alice", issuedAt, expiresAt, scope);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http
				.authorizeExchange((exchanges) -> exchanges.pathMatchers("/admin")
					.hasAuthority("SCOPE_admin")
					.anyExchange()
					.authenticated())
				.oauth2ResourceServer((server) -> server
					.jwt((jwt) -> jwt.jwtDecoder(NimbusReactiveJwtDecoder.withSecretKey(TestTokens.KEY).build())))
				.build();
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

		@GetMapping("/admin")
		String admin() {
			return "admin";
		}

	}

}
