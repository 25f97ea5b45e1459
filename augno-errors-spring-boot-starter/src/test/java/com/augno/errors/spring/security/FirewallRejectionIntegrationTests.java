package com.augno.errors.spring.security;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resource server that does not permit {@code /error}: a request Spring Security's
 * firewall rejects (a {@code ;} in its path) gets the envelope's 400 at once, whatever
 * its token, where the container's error dispatch used to meet the security rules without
 * the token and answer 401 "The provided credentials are incorrect.". Outside
 * {@code augno.errors.paths} Spring Security's own handling stays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.autoconfigure.exclude=", "augno.errors.paths=/api/**" })
class FirewallRejectionIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void aValidTokensRejectedRequestGetsA400() throws Exception {
		assertRejected(this.client.get("/api/items;x=1", "Authorization", "Bearer " + TestTokens.readScoped()));
	}

	@Test
	void aRejectedRequestWithoutATokenGetsA400() throws Exception {
		assertRejected(this.client.get("/api/items;x=1"));
	}

	@Test
	void everyKindOfRejectionTheFirewallMakesGetsA400() throws Exception {
		String token = "Bearer " + TestTokens.readScoped();
		for (String path : new String[] { "/api/items;", "/api/items/%3B", "/api/./items", "/api/x/../items",
				"/api/items/%25", "/api/items/%2e%2e/x", "/api//items", "/api/items/%0A" }) {
			assertRejected(this.client.get(path, "Authorization", token));
		}
	}

	@Test
	void theSameRequestWithoutTheSemicolonReachesTheController() throws Exception {
		HttpResponse<String> response = this.client.get("/api/items", "Authorization",
				"Bearer " + TestTokens.readScoped());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("items");
	}

	@Test
	void outsideThePathsSpringSecuritysOwnHandlingStays() throws Exception {
		HttpResponse<String> response = this.client.get("/other;x=1", "Authorization",
				"Bearer " + TestTokens.readScoped());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("validation_failed");
	}

	private static void assertRejected(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
		// The whole envelope: its eight keys, the code's own status, type and doc_url,
		// and
		// request_log_url holding the Request-Id header's id.
		AugnoErrors.assertThat(response)
			.isAugnoError("validation_failed")
			.hasMessage("The request is not valid.")
			.hasNoParam();
		assertThat(response.body()).doesNotContain("potentially malicious").doesNotContain("RequestRejectedException");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.oauth2ResourceServer((server) -> server
					.jwt((jwt) -> jwt.decoder(NimbusJwtDecoder.withSecretKey(TestTokens.KEY).build())))
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.build();
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/api/items")
		String items() {
			return "items";
		}

	}

}
