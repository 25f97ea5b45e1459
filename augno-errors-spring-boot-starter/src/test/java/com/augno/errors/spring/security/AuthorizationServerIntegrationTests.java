package com.augno.errors.spring.security;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OAuth2 authorization server set up by Spring Boot alone, over a real Tomcat: its
 * endpoints keep their RFC 6749 answers, which OAuth2 clients parse, as without the
 * starter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.security.oauth2.authorizationserver.client.machine.registration.client-id=machine",
		"spring.security.oauth2.authorizationserver.client.machine.registration.client-secret={noop}secret",
		"spring.security.oauth2.authorizationserver.client.machine.registration.client-authentication-methods=client_secret_basic",
		"spring.security.oauth2.authorizationserver.client.machine.registration.authorization-grant-types=client_credentials" })
class AuthorizationServerIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void aTokenRequestWithoutClientCredentialsKeepsTheServersBodilessUnauthorized() throws Exception {
		HttpResponse<String> response = this.client.postForm("/oauth2/token", "grant_type=client_credentials");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEmpty();
		assertThat(response.headers().firstValue("WWW-Authenticate")).as("no invented Bearer challenge").isEmpty();
	}

	@Test
	void aWrongClientSecretKeepsTheServersInvalidClientError() throws Exception {
		HttpResponse<String> response = this.client.postForm("/oauth2/token", "grant_type=client_credentials",
				"Authorization", LoopbackHttp.basic("machine", "wrong"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"error\":\"invalid_client\"").doesNotContain("\"code\"");
	}

	@Test
	void aBearerTokenTheServerRejectsKeepsItsBodilessChallenge() throws Exception {
		// The chain's bearer token filter answers before its exception translation.
		for (String path : new String[] { "/oauth2/token", "/userinfo" }) {
			HttpResponse<String> response = this.client.postForm(path, "grant_type=client_credentials", "Authorization",
					"Bearer not-a-token");
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.body()).as(path).isEmpty();
			assertThat(response.headers().firstValue("WWW-Authenticate")).as(path)
				.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
			assertThat(response.headers().firstValue("Cache-Control")).as(path)
				.hasValue("no-cache, no-store, max-age=0, must-revalidate");
		}
	}

	@Test
	void theRightClientSecretGetsAToken() throws Exception {
		HttpResponse<String> response = this.client.postForm("/oauth2/token", "grant_type=client_credentials",
				"Authorization", LoopbackHttp.basic("machine", "secret"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"access_token\"");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableWebSecurity
	static class App {

	}

}
