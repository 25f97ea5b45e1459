package com.augno.errors.spring.client.loopback;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real services over loopback with a real tracer (Micrometer Tracing over
 * OpenTelemetry, as Spring Boot configures it): the trace context travels in
 * {@code traceparent}, the starter sends no request id header of its own, and the trace
 * id stands in the error log lines of both services, so that one failure can be followed
 * across them.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracedServicesIntegrationTests {

	private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");

	private static final String SAMPLE_ALL = "management.tracing.sampling.probability=1.0";

	/**
	 * The MDC's trace id on every log line, as Spring Boot's default pattern would show
	 * it (the tests' application.properties switches it off).
	 */
	private static final String TRACE_ID_IN_LOGS = "logging.pattern.correlation=[%X{traceId:-}] ";

	private static ConfigurableApplicationContext serviceB;

	private static ConfigurableApplicationContext serviceA;

	private static RestTestClient clientOfA;

	@BeforeAll
	static void startServices() {
		serviceB = LoopbackServices.start(new Class<?>[] { ServiceB.class }, SAMPLE_ALL, TRACE_ID_IN_LOGS,
				"augno.errors.request-id.trusted-header=Request-Id", "augno.errors.logging.invalid-request-error=info");
		serviceA = LoopbackServices.start(new Class<?>[] { ServiceA.class }, SAMPLE_ALL, TRACE_ID_IN_LOGS,
				"downstream.url=" + LoopbackServices.url(serviceB),
				"augno.errors.client.pass-through-codes=resource_not_found",
				"augno.errors.logging.invalid-request-error=info");
		clientOfA = LoopbackServices.client(serviceA);
	}

	@AfterAll
	static void stopServices() {
		if (serviceA != null) {
			serviceA.close();
		}
		if (serviceB != null) {
			serviceB.close();
		}
	}

	@Test
	void outgoingCallCarriesTheTraceContextInsteadOfTheRequestId() {
		ServiceB.Endpoints endpointsOfB = serviceB.getBean(ServiceB.Endpoints.class);
		endpointsOfB.reset();
		String requestIdOfA = AugnoErrors.assertThat(clientOfA.get().uri("/a/terms/missing").exchange())
			.isAugnoError("resource_not_found")
			.hasMessage("Shipping term not found.")
			.requestId();
		assertThat(endpointsOfB.termRequests).singleElement().satisfies((headers) -> {
			assertThat(headers.getFirst("traceparent")).matches(TRACEPARENT);
			assertThat(headers.containsHeader("Request-Id")).as("Request-Id sent beside the trace").isFalse();
		});
		assertThat(traceId(endpointsOfB.termRequests.get(0))).isNotEqualTo(requestIdOfA);
	}

	@Test
	void traceIdStandsInTheErrorLogLinesOfBothServices(CapturedOutput output) {
		ServiceB.Endpoints endpointsOfB = serviceB.getBean(ServiceB.Endpoints.class);
		endpointsOfB.reset();
		String requestIdOfA = AugnoErrors.assertThat(clientOfA.get().uri("/a/terms/missing").exchange())
			.isAugnoError("resource_not_found")
			.requestId();
		String traceId = traceId(endpointsOfB.termRequests.get(0));
		assertThat(LoopbackServices.logLines(output, "404 resource_not_found for GET /a/terms/missing")).anySatisfy(
				(line) -> assertThat(line).contains("[" + traceId + "]").contains("(request_id=" + requestIdOfA + ")"));
		assertThat(LoopbackServices.logLines(output, "404 resource_not_found for GET /terms/missing"))
			.anySatisfy((line) -> assertThat(line).contains("[" + traceId + "]").doesNotContain(requestIdOfA));
	}

	private static String traceId(HttpHeaders headers) {
		Matcher matcher = TRACEPARENT.matcher(String.valueOf(headers.getFirst("traceparent")));
		assertThat(matcher.matches()).as("traceparent %s", headers.getFirst("traceparent")).isTrue();
		return matcher.group(1);
	}

}
