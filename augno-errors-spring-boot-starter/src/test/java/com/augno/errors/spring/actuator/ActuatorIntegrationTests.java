package com.augno.errors.spring.actuator;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Boot's actuator on the application's port, over a real Tomcat: what its
 * endpoints answer themselves (a health that is down) is left alone, and what fails on
 * the way to them (an unknown endpoint, a failing endpoint, a value the endpoint refuses,
 * missing credentials) is the envelope, with HTTP Basic's challenge kept.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = ActuatorApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.autoconfigure.exclude=",
				"management.endpoints.web.exposure.include=*", "management.endpoint.health.show-details=always" })
class ActuatorIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aHealthThatIsDownKeepsTheActuatorsOwnBody() throws Exception {
		HttpResponse<String> response = this.http.get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
		assertThat(response.body()).startsWith("{")
			.contains("\"status\":\"DOWN\"", "\"reason\":\"downstream unreachable\"")
			.doesNotContain("\"error\"");
	}

	@Test
	void anUnknownEndpointIsResourceNotFound() throws Exception {
		HttpResponse<String> response = this.http.get("/actuator/nope", "Authorization",
				LoopbackHttp.basic("ops", "ops"));
		AugnoErrors.assertThat(response).isAugnoError("resource_not_found").hasStatus(404).hasContentLength();
	}

	@Test
	void aSelectorTheEndpointDoesNotKnowIsResourceNotFound() throws Exception {
		HttpResponse<String> response = this.http.get("/actuator/reports/missing", "Authorization",
				LoopbackHttp.basic("ops", "ops"));
		AugnoErrors.assertThat(response).isAugnoError("resource_not_found").hasStatus(404);
	}

	@Test
	void aFailingEndpointIsInternalErrorWithoutItsMessage(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.get("/actuator/reports", "Authorization",
				LoopbackHttp.basic("ops", "ops"));
		AugnoErrors.assertThat(response).isAugnoError("internal_error").hasStatus(500);
		assertThat(response.body()).doesNotContain(ActuatorApp.SECRET, "IllegalStateException");
		assertThat(output).contains("500 internal_error for GET /actuator/reports");
	}

	@Test
	void aLevelTheLoggersEndpointRefusesIsValidationFailed() throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/actuator/loggers/com.example")
			.header("Authorization", LoopbackHttp.basic("ops", "ops"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"configuredLevel\":\"LOUD\"}")));
		AugnoErrors.assertThat(response).isAugnoError("validation_failed").hasStatus(400);
	}

	@Test
	void anEndpointWithoutCredentialsIsInvalidCredentialsWithTheBasicChallenge() throws Exception {
		HttpResponse<String> response = this.http.get("/actuator/env");
		AugnoErrors.assertThat(response).isAugnoError("invalid_credentials").hasStatus(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic"));
	}

	@Test
	void aFailureTheStarterAnsweredStillCountsWithItsExceptionInTheRequestMetrics() throws Exception {
		HttpResponse<String> response = this.http.get("/api/boom");
		AugnoErrors.assertThat(response).isAugnoError("internal_error");
		// The observation stops once the response is sent, which may be after the client
		// read it.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.meters.find("http.server.requests")
				.tag("uri", "/api/boom")
				.tag("status", "500")
				.tag("outcome", "SERVER_ERROR")
				.tag("exception", "IllegalStateException")
				.timer()).isNotNull());
	}

}
