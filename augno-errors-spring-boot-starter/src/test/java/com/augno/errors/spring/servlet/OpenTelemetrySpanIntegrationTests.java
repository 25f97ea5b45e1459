package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import com.augno.errors.AugnoException;
import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * A 5xx the starter answers is recorded on the current OpenTelemetry server span as the
 * OpenTelemetry Java agent records a failure that leaves the servlet unanswered: one
 * exception event and the error status. Here a Tomcat valve plays the agent, opening a
 * server span around each request with the OpenTelemetry SDK; Spring Boot's own tracing
 * (Micrometer) is off, as in an application traced by the agent alone, and the
 * {@code ServerHttpObservationFilter} of its observations stays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
class OpenTelemetrySpanIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private Spans spans;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@BeforeEach
	void forgetSpans() {
		this.spans.clear();
	}

	@Test
	void aCrashIsRecordedOnTheServerSpan() throws Exception {
		AugnoErrors.assertThat(this.http.get("/otel/crash")).isAugnoError("internal_error");
		SpanData span = this.spans.serverSpan("/otel/crash");
		assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(exceptions(span)).singleElement().satisfies((event) -> {
			assertThat(event.getAttributes().asMap()).anySatisfy((key, value) -> {
				assertThat(key.getKey()).isEqualTo("exception.type");
				assertThat(value).isEqualTo(IllegalStateException.class.getName());
			});
		});
	}

	@Test
	void aCrashOfAFilterIsRecordedOnTheServerSpan() throws Exception {
		AugnoErrors.assertThat(this.http.get("/otel/filter-crash")).isAugnoError("internal_error");
		SpanData span = this.spans.serverSpan("/otel/filter-crash");
		assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(exceptions(span)).hasSize(1);
	}

	@Test
	void aCrashOfACallableIsRecordedOnItsDispatchsSpan() throws Exception {
		AugnoErrors.assertThat(this.http.get("/otel/callable-crash")).isAugnoError("internal_error");
		// The dispatch's span ends after the client has the response; the request's
		// own span, which ended first, has no exception.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.spans.serverSpans("/otel/callable-crash"))
				.flatMap(OpenTelemetrySpanIntegrationTests::exceptions)
				.hasSize(1));
	}

	@Test
	void aStreamThatFailsAfterCommitIsRecordedOnItsDispatchsSpan() {
		// The response is cut short: the client sees a broken body, or none.
		assertThatException().isThrownBy(() -> this.http.get("/otel/stream-fail").body().substring(20_000));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			List<SpanData> spans = this.spans.serverSpans("/otel/stream-fail");
			assertThat(spans).flatMap(OpenTelemetrySpanIntegrationTests::exceptions).hasSize(1);
			assertThat(spans)
				.anySatisfy((span) -> assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
		});
	}

	@Test
	void otherServerErrorsAreRecordedToo() throws Exception {
		AugnoErrors.assertThat(this.http.get("/otel/unavailable")).isAugnoError("service_unavailable");
		assertThat(exceptions(this.spans.serverSpan("/otel/unavailable"))).hasSize(1);
	}

	@Test
	void clientErrorsAreNotRecorded() throws Exception {
		AugnoErrors.assertThat(this.http.get("/otel/missing")).isAugnoError("resource_not_found");
		AugnoErrors.assertThat(this.http.get("/otel/gone")).isAugnoError("resource_gone");
		AugnoErrors.assertThat(this.http.get("/otel/nothing-here")).isAugnoError("resource_not_found");
		for (String path : List.of("/otel/missing", "/otel/gone", "/otel/nothing-here")) {
			SpanData span = this.spans.serverSpan(path);
			assertThat(exceptions(span)).as(path).isEmpty();
			assertThat(span.getStatus().getStatusCode()).as(path).isEqualTo(StatusCode.UNSET);
		}
	}

	private static List<EventData> exceptions(SpanData span) {
		return span.getEvents().stream().filter((event) -> event.getName().equals("exception")).toList();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(excludeName = {
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration" })
	@Import(OtelController.class)
	static class TestApplication {

		@Bean
		Spans spans() {
			return new Spans();
		}

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> serverSpans(Spans spans) {
			return (factory) -> factory.addContextValves(new ServerSpanValve(spans.tracer()));
		}

		@Bean
		FilterRegistrationBean<Filter> crashingFilter() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				if (((HttpServletRequest) request).getRequestURI().equals("/otel/filter-crash")) {
					throw new IllegalStateException("filter detail 45");
				}
				chain.doFilter(request, response);
			});
			registration.setOrder(0);
			return registration;
		}

	}

	/**
	 * The finished spans, from an SDK tracer of the test's own.
	 */
	static final class Spans extends RecordingSpanExporter {

		private final SdkTracerProvider provider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(this))
			.build();

		Tracer tracer() {
			return this.provider.get("test-server");
		}

		List<SpanData> serverSpans(String path) {
			return serverSpans(path::equals);
		}

		/**
		 * Return the one server span of a path, once it has ended: the valve ends it
		 * after Tomcat has sent the response.
		 */
		SpanData serverSpan(String path) {
			await().atMost(Duration.ofSeconds(5)).until(() -> !serverSpans(path).isEmpty());
			List<SpanData> spans = serverSpans(path);
			assertThat(spans).as("server spans of " + path).hasSize(1);
			return spans.get(0);
		}

	}

	/**
	 * Opens a server span around each dispatch through the context's pipeline and makes
	 * it current, as the OpenTelemetry Java agent's Tomcat instrumentation does.
	 */
	static final class ServerSpanValve extends ValveBase {

		private final Tracer tracer;

		ServerSpanValve(Tracer tracer) {
			super(true);
			this.tracer = tracer;
		}

		@Override
		@SuppressWarnings("try")
		public void invoke(Request request, Response response) throws IOException, ServletException {
			Span span = this.tracer.spanBuilder(request.getRequestURI()).setSpanKind(SpanKind.SERVER).startSpan();
			try (Scope scope = span.makeCurrent()) {
				getNext().invoke(request, response);
			}
			finally {
				span.end();
			}
		}

	}

	@RestController
	static class OtelController {

		@GetMapping("/otel/crash")
		String crash() {
			throw new IllegalStateException("crash detail 42");
		}

		@GetMapping("/otel/callable-crash")
		Callable<String> callableCrash() {
			return () -> {
				throw new IllegalStateException("callable detail 43");
			};
		}

		@GetMapping("/otel/stream-fail")
		StreamingResponseBody streamFail() {
			return (out) -> {
				out.write(new byte[20_000]);
				out.flush();
				throw new IOException("stream detail 44");
			};
		}

		@GetMapping("/otel/unavailable")
		String unavailable() {
			throw new org.springframework.core.task.TaskRejectedException("full");
		}

		@GetMapping("/otel/missing")
		String missing() {
			throw AugnoException.of("resource_not_found");
		}

		@GetMapping("/otel/gone")
		String gone() {
			throw new ResponseStatusException(HttpStatus.GONE);
		}

	}

}
