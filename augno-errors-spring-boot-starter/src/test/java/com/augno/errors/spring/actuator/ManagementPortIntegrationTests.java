package com.augno.errors.spring.actuator;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's actuator on a management port of its own, as Kubernetes probes are often
 * served: its child context answers with the same envelope as the application, a request
 * id included, and still leaves a health that is down to the actuator.
 */
@SpringBootTest(classes = ActuatorApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.autoconfigure.exclude=", "management.server.port=0",
				"management.endpoints.web.exposure.include=*", "management.endpoint.health.show-details=always" })
class ManagementPortIntegrationTests {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private final LoopbackHttp management = new LoopbackHttp(() -> this.managementPort);

	@Test
	void theManagementPortIsNotTheApplicationsOwn() {
		assertThat(this.managementPort).isPositive().isNotEqualTo(this.port);
	}

	@Test
	void aHealthThatIsDownKeepsTheActuatorsOwnBody() throws Exception {
		HttpResponse<String> response = this.management.get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("\"status\":\"DOWN\"").doesNotContain("\"error\"");
	}

	@Test
	void aFailingEndpointIsInternalErrorWithARequestId() throws Exception {
		HttpResponse<String> response = this.management.get("/actuator/reports", "Authorization",
				LoopbackHttp.basic("ops", "ops"));
		// isAugnoError requires one Request-Id header and request_log_url to be its link.
		AugnoErrors.assertThat(response).isAugnoError("internal_error").hasStatus(500);
		assertThat(response.body()).doesNotContain(ActuatorApp.SECRET);
	}

	@Test
	void anUnknownEndpointIsResourceNotFound() throws Exception {
		HttpResponse<String> response = this.management.get("/actuator/nope", "Authorization",
				LoopbackHttp.basic("ops", "ops"));
		AugnoErrors.assertThat(response).isAugnoError("resource_not_found").hasStatus(404);
	}

	@Test
	void anEndpointWithoutCredentialsIsInvalidCredentialsWithTheBasicChallenge() throws Exception {
		HttpResponse<String> response = this.management.get("/actuator/env");
		AugnoErrors.assertThat(response).isAugnoError("invalid_credentials").hasStatus(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic"));
	}

}
