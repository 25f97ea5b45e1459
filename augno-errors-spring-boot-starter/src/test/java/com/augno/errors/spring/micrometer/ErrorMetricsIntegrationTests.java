package com.augno.errors.spring.micrometer;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import com.augno.errors.AugnoException;
import com.augno.errors.spring.test.LoopbackHttp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code augno.errors} counter over a real Tomcat with Boot's simple meter registry:
 * each answered error is counted by code, type and status, and a client that goes away
 * mid-stream is counted as {@code client_closed_request} and recorded as 499 in
 * {@code http.server.requests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
class ErrorMetricsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Autowired
	private MeterRegistry registry;

	@Test
	void usesBootsSimpleMeterRegistry() {
		assertThat(this.registry).isInstanceOf(SimpleMeterRegistry.class);
	}

	@Test
	void countsEachAnsweredErrorByCodeTypeAndStatus() throws Exception {
		assertThat(this.http.get("/metrics/nothing-here").statusCode()).isEqualTo(404);
		assertThat(this.http.get("/metrics/nothing-here-either").statusCode()).isEqualTo(404);
		assertThat(this.http.get("/metrics/locked").statusCode()).isEqualTo(409);
		// The handler counts after writing, so the client may see the response first.
		assertThat(await(() -> counter("resource_not_found", "invalid_request_error", "404", 2.0)).count())
			.isEqualTo(2.0);
		assertThat(await(() -> counter("resource_conflict", "invalid_request_error", "409", 1.0)).count())
			.isEqualTo(1.0);
		assertThat(this.registry.find(ErrorMetricsListener.METER_NAME).tag("code", "internal_error").counter())
			.isNull();
	}

	@Test
	void countsClientThatClosedTheRequestAs499InBothMeters() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout((int) WAIT.toMillis());
			socket.getOutputStream()
				.write("GET /stream HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			InputStream in = socket.getInputStream();
			byte[] start = new byte[12];
			assertThat(in.readNBytes(start, 0, start.length)).isEqualTo(start.length);
			assertThat(new String(start, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200");
			// Reset rather than close, so that the server's next write fails at once.
			socket.setSoLinger(true, 0);
		}
		Counter closed = await(() -> counter("client_closed_request", "api_error", "499", 1.0));
		assertThat(closed.count()).isEqualTo(1.0);
		Timer requests = await(
				() -> this.registry.find("http.server.requests").tag("uri", "/stream").tag("status", "499").timer());
		assertThat(requests.count()).isEqualTo(1);
		assertThat(this.registry.find("http.server.requests").tag("uri", "/stream").tag("status", "200").timer())
			.isNull();
	}

	private @Nullable Counter counter(String code, String type, String status, double atLeast) {
		Counter counter = this.registry.find(ErrorMetricsListener.METER_NAME)
			.tag("code", code)
			.tag("type", type)
			.tag("status", status)
			.counter();
		return (counter != null && counter.count() >= atLeast) ? counter : null;
	}

	private static <T> T await(Supplier<@Nullable T> meter) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			T found = meter.get();
			if (found != null) {
				return found;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No such meter within " + WAIT);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(MeteredController.class)
	static class TestApplication {

	}

	@RestController
	static class MeteredController {

		@GetMapping("/metrics/locked")
		String locked() {
			throw AugnoException.of("resource_conflict");
		}

		@GetMapping("/stream")
		StreamingResponseBody stream() {
			return (out) -> {
				long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
				byte[] chunk = "chunk\n".repeat(100).getBytes(StandardCharsets.US_ASCII);
				while (System.nanoTime() < deadline) {
					out.write(chunk);
					out.flush();
					sleep();
				}
			};
		}

		private static void sleep() {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
