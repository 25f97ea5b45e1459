package com.augno.errors.spring.servlet;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With Spring Boot's own tracing (Micrometer Tracing over OpenTelemetry), a 5xx the
 * starter answers reaches the request's span once, through its observation: the starter
 * does not record it on the current OpenTelemetry span as well, which is the same span.
 * Started as an application rather than a {@code @SpringBootTest}, which turns tracing
 * off.
 */
class MicrometerTracedFailuresIntegrationTests {

	private static ConfigurableApplicationContext service;

	private static LoopbackHttp http;

	@BeforeAll
	static void start() {
		service = new SpringApplicationBuilder(TracedApplication.class)
			.properties("server.port=0", "server.shutdown=immediate", "spring.main.banner-mode=off",
					"management.tracing.sampling.probability=1.0")
			.run();
		http = new LoopbackHttp(() -> ((WebServerApplicationContext) service).getWebServer().getPort());
	}

	@AfterAll
	static void stop() {
		if (service != null) {
			service.close();
		}
	}

	@Test
	void aCrashIsRecordedOnceOnTheRequestsSpan() throws Exception {
		AugnoErrors.assertThat(http.get("/traced/crash")).isAugnoError("internal_error");
		Spans spans = service.getBean(Spans.class);
		SdkTracerProvider provider = service.getBean(SdkTracerProvider.class);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			provider.forceFlush().join(5, TimeUnit.SECONDS);
			assertThat(spans.server("/traced/crash")).isNotEmpty();
		});
		assertThat(spans.server("/traced/crash")).singleElement().satisfies((span) -> {
			assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
			assertThat(span.getEvents()).filteredOn((event) -> event.getName().equals("exception")).hasSize(1);
		});
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(TracedController.class)
	static class TracedApplication {

		@Bean
		Spans spans() {
			return new Spans();
		}

	}

	/**
	 * The spans Spring Boot's tracer exports.
	 */
	static final class Spans extends RecordingSpanExporter {

		List<SpanData> server(String path) {
			return serverSpans((name) -> name.endsWith(path));
		}

	}

	@RestController
	static class TracedController {

		@GetMapping("/traced/crash")
		String crash() {
			throw new IllegalStateException("crash detail 42");
		}

	}

}
