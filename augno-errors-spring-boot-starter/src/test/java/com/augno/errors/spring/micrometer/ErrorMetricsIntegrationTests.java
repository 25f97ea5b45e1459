package com.augno.errors.spring.micrometer;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code augno.errors} counter over a real Tomcat with Boot's simple meter registry:
 * the scenarios of {@link ErrorMetricsContract}, and a client that goes away mid-stream
 * is counted as {@code client_closed_request} and recorded as 499 in
 * {@code http.server.requests}. {@link WebFluxErrorMetricsIntegrationTests} runs the same
 * scenarios over Reactor Netty.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
class ErrorMetricsIntegrationTests extends ErrorMetricsContract {

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

	@Test
	void aFilterCrashIsGivenToTheRequestObservationOnce() throws Exception {
		assertThat(this.http.get("/metrics/filter-crash").statusCode()).isEqualTo(500);
		await(() -> this.registry.find("http.server.requests")
			.tag("status", "500")
			.tag("exception", "IllegalStateException")
			.timer());
		assertThat(this.observationErrors.errors).filteredOn((error) -> "the filter broke".equals(error.getMessage()))
			.singleElement()
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aStreamThatFailsAfterCommitIsAServerErrorInHttpServerRequests() throws Exception {
		// The client has a 200 and a body cut short, as without the starter; the meter,
		// which reads Tomcat's status once the request returns, has the failure's 500, as
		// the access log does, not a success, with the exception, and counts the request
		// once.
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout((int) WAIT.toMillis());
			socket.getOutputStream()
				.write("GET /stream-fail HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			String received = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			assertThat(received).startsWith("HTTP/1.1 200").doesNotEndWith("\r\n0\r\n\r\n");
		}
		Timer failed = await(() -> this.registry.find("http.server.requests")
			.tag("uri", "/stream-fail")
			.tag("status", "500")
			.tag("outcome", "SERVER_ERROR")
			.tag("exception", "IOException")
			.timer());
		assertThat(failed.count()).isEqualTo(1);
		assertThat(this.registry.find("http.server.requests").tag("uri", "/stream-fail").tag("status", "200").timer())
			.isNull();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ MeteredController.class, LockedController.class, RecordingListener.class, ObservationErrors.class })
	static class TestApplication {

		@Bean
		FilterRegistrationBean<Filter> crashingFilter() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				if (((HttpServletRequest) request).getRequestURI().equals("/metrics/filter-crash")) {
					throw new IllegalStateException("the filter broke");
				}
				chain.doFilter(request, response);
			});
			registration.setOrder(0);
			return registration;
		}

	}

	@RestController
	static class MeteredController {

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

		@GetMapping("/stream-fail")
		StreamingResponseBody streamFail() {
			return (out) -> {
				out.write(new byte[20_000]);
				out.flush();
				throw new IOException("the disk went away");
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
