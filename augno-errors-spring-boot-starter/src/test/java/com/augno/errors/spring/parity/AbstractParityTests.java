package com.augno.errors.spring.parity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.augno.errors.spring.test.EnvelopeAssert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parity suite: each {@link ParityScenario} against the stack a subclass starts.
 */
abstract class AbstractParityTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@ParameterizedTest(name = "{0}")
	@FieldSource("com.augno.errors.spring.parity.ParityScenario#ALL")
	void answersLikeTheOtherStack(ParityScenario scenario) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + scenario.path()))
			.method(scenario.method(), (scenario.body() != null) ? HttpRequest.BodyPublishers.ofString(scenario.body())
					: HttpRequest.BodyPublishers.noBody());
		scenario.headers().forEach(request::header);
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(scenario.name()).isEqualTo(scenario.status());
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		String requestId = response.headers().firstValue("Request-Id").orElseThrow();
		EnvelopeAssert envelope = EnvelopeAssert.assertEnvelope(response.body()).hasRequestId(requestId);
		assertThat(envelope.error().get("code").asString()).isEqualTo(scenario.code());
		assertThat(envelope.error().get("param").isNull() ? null : envelope.error().get("param").asString())
			.isEqualTo(scenario.param());
		scenario.responseHeaders()
			.forEach(
					(name, value) -> assertThat(response.headers().allValues(name)).as(name).isEqualTo(List.of(value)));
		if (scenario.status() == 500) {
			assertThat(response.body()).doesNotContain("secret detail", "IllegalStateException");
		}
	}

}
