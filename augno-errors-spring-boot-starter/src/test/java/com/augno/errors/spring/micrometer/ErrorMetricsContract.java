package com.augno.errors.spring.micrometer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.augno.errors.AugnoException;
import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.spring.web.ErrorEvent;
import com.augno.errors.spring.web.ErrorListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code augno.errors} counter and the {@link ErrorListener}s see, the same on
 * both web stacks: each subclass runs these scenarios over its own server (Tomcat,
 * Reactor Netty), so that the parity of the metrics is a test.
 */
abstract class ErrorMetricsContract {

	static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Autowired
	MeterRegistry registry;

	@Autowired
	RecordingListener events;

	@Autowired
	ObservationErrors observationErrors;

	@BeforeEach
	void clearEvents() {
		this.events.events.clear();
	}

	@Test
	void usesBootsSimpleMeterRegistry() {
		assertThat(this.registry).isInstanceOf(SimpleMeterRegistry.class);
	}

	@Test
	void countsEachAnsweredErrorByCodeTypeAndStatus() throws Exception {
		double notFound = count("resource_not_found", "invalid_request_error", "404");
		double conflict = count("resource_conflict", "invalid_request_error", "409");
		double crashes = count("internal_error", "api_error", "500");
		assertThat(this.http.get("/metrics/nothing-here").statusCode()).isEqualTo(404);
		assertThat(this.http.get("/metrics/nothing-here-either").statusCode()).isEqualTo(404);
		assertThat(this.http.get("/metrics/locked/7").statusCode()).isEqualTo(409);
		// The servlet handler counts after writing, so the client may see the response
		// first.
		assertThat(await(() -> counter("resource_not_found", "invalid_request_error", "404", notFound + 2)).count())
			.isEqualTo(notFound + 2);
		assertThat(await(() -> counter("resource_conflict", "invalid_request_error", "409", conflict + 1)).count())
			.isEqualTo(conflict + 1);
		assertThat(count("internal_error", "api_error", "500")).isEqualTo(crashes);
	}

	/**
	 * A crash keeps what Spring Boot's {@code http.server.requests} and a trace record of
	 * it without the starter: its exception (the {@code exception} tag, the span's
	 * error), though the starter answered it.
	 */
	@Test
	void aCrashIsRecordedWithItsExceptionInTheRequestObservation() throws Exception {
		assertThat(this.http.get("/metrics/crash").statusCode()).isEqualTo(500);
		Timer requests = await(() -> this.registry.find("http.server.requests")
			.tag("uri", "/metrics/crash")
			.tag("status", "500")
			.timer());
		assertThat(requests.getId().getTag("exception")).isEqualTo("IllegalStateException");
		assertThat(requests.getId().getTag("outcome")).isEqualTo("SERVER_ERROR");
		// Observation.error, once, which a tracing handler turns into the span's error
		// status and exception event.
		assertThat(this.observationErrors.errors).filteredOn((error) -> "the ledger is gone".equals(error.getMessage()))
			.singleElement()
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void tellsListenersTheMethodPathRouteStatusAndRequestId() throws Exception {
		var response = this.http.get("/metrics/locked/7");
		String requestId = response.headers().firstValue("Request-Id").orElseThrow();
		ErrorEvent event = await(() -> this.events.events.isEmpty() ? null : this.events.events.get(0));
		assertThat(event.method()).isEqualTo("GET");
		assertThat(event.path()).isEqualTo("/metrics/locked/7");
		assertThat(event.route()).isEqualTo("/metrics/locked/{id}");
		assertThat(event.status()).isEqualTo(409);
		assertThat(event.error().code()).isEqualTo("resource_conflict");
		assertThat(event.requestId()).isEqualTo(requestId);
	}

	@Test
	void anUnknownUrlHasTheRouteOfTheStaticResourceHandler() throws Exception {
		assertThat(this.http.get("/metrics/nothing-here").statusCode()).isEqualTo(404);
		ErrorEvent event = await(() -> this.events.events.isEmpty() ? null : this.events.events.get(0));
		assertThat(event.path()).isEqualTo("/metrics/nothing-here");
		assertThat(event.route()).isEqualTo("/**");
	}

	double count(String code, String type, String status) {
		Counter counter = counter(code, type, status, 0);
		return (counter != null) ? counter.count() : 0;
	}

	@Nullable Counter counter(String code, String type, String status, double atLeast) {
		Counter counter = this.registry.find(ErrorMetricsListener.METER_NAME)
			.tag("code", code)
			.tag("type", type)
			.tag("status", status)
			.counter();
		return (counter != null && counter.count() >= atLeast) ? counter : null;
	}

	static <T> T await(Supplier<@Nullable T> meter) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			T found = meter.get();
			if (found != null) {
				return found;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("Not seen within " + WAIT);
	}

	/**
	 * Records what the listeners are told.
	 */
	static final class RecordingListener implements ErrorListener {

		final List<ErrorEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onError(ErrorEvent event) {
			this.events.add(event);
		}

	}

	/**
	 * Records the errors given to the server requests' observations with
	 * {@code Observation.error}, as a tracing handler sees them.
	 */
	static final class ObservationErrors implements ObservationHandler<Observation.Context> {

		final List<Throwable> errors = new CopyOnWriteArrayList<>();

		@Override
		public void onError(Observation.Context context) {
			Throwable error = context.getError();
			if (error != null && "http.server.requests".equals(context.getName())) {
				this.errors.add(error);
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			// Asked before the observation is named.
			return context instanceof RequestReplyReceiverContext<?, ?>;
		}

	}

	/**
	 * The endpoints both stacks serve.
	 */
	@RestController
	static class LockedController {

		@GetMapping("/metrics/locked/{id}")
		String locked(@PathVariable String id) {
			throw AugnoException.of("resource_conflict");
		}

		@GetMapping("/metrics/crash")
		String crash() {
			throw new IllegalStateException("the ledger is gone");
		}

	}

}
