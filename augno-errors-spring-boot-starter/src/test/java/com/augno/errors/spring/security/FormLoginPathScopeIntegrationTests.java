package com.augno.errors.spring.security;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code formLogin()} application of {@link FormLoginIntegrationTests} with
 * {@code augno.errors.paths=/api/**}: outside the paths the login form's entry point
 * answers every client as it would without the starter, within them an API client gets
 * the envelope.
 */
@SpringBootTest(classes = FormLoginIntegrationTests.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.autoconfigure.exclude=", "augno.errors.paths=/api/**" })
class FormLoginPathScopeIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void clientWithoutAnAcceptHeaderOutsideThePathsIsRedirectedToTheLoginPage() throws Exception {
		HttpResponse<String> response = this.client.get("/account");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + this.port + "/login");
		assertThat(response.body()).isEmpty();
	}

	@Test
	void jsonClientOutsideThePathsIsRedirectedToTheLoginPage() throws Exception {
		HttpResponse<String> response = this.client.get("/account", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + this.port + "/login");
	}

	@Test
	void jsonClientWithinThePathsGetsTheEnvelope() throws Exception {
		HttpResponse<String> response = this.client.get("/api/account", "Accept", "application/json");
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
	}

}
