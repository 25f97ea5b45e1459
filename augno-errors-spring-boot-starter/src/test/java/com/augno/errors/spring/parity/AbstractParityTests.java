package com.augno.errors.spring.parity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.augno.errors.test.AugnoErrors;
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
		AugnoErrors.assertThat(response)
			.as(scenario.name())
			.isAugnoError(scenario.code())
			.hasStatus(scenario.status())
			.hasParam(scenario.param());
		scenario.responseHeaders()
			.forEach(
					(name, value) -> assertThat(response.headers().allValues(name)).as(name).isEqualTo(List.of(value)));
		if (scenario.status() >= 500) {
			assertThat(response.body()).doesNotContain("secret detail", "IllegalStateException", "Executor", "pool-7",
					"TaskRejected");
		}
	}

}
