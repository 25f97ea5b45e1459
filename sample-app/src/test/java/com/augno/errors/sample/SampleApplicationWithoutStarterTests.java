package com.augno.errors.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with the starter switched off, as {@code bench/startup.sh} starts it to
 * compare startup times: it still starts, and an unknown API key gets Spring Security's
 * bare 401 instead of the envelope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "augno.errors.enabled=false")
class SampleApplicationWithoutStarterTests {

	@LocalServerPort
	private int port;

	@Test
	void startsAndAnswersAnUnknownKeyWithABare401() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1/catalog/items"))
			.header("Authorization", "Bearer sk_test_unknown")
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEmpty();
	}

}
