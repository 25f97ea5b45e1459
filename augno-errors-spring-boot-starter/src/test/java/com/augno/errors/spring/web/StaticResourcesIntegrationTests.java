package com.augno.errors.spring.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over a real Tomcat, with the starter's check of the static resource locations at
 * startup: an existing static file is still served, and an unknown URL is still the
 * envelope's 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.web.resources.static-locations=classpath:/augno-static/,classpath:/no-such-dir/" })
class StaticResourcesIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void anExistingStaticFileIsServed() throws Exception {
		HttpResponse<String> response = get("/hello.txt");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("hello from a static file");
	}

	@Test
	void anUnknownUrlIsTheEnvelopes404() throws Exception {
		HttpResponse<String> response = get("/wp-login.php");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(response.headers().firstValueAsLong("Content-Length"))
			.hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
		AugnoErrors.assertThat(response)
			.isAugnoError("resource_not_found")
			.hasMessage("Unrecognized request URL: GET /wp-login.php.")
			.hasNoParam();
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootApplication
	static class App {

	}

}
