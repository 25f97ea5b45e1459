package com.augno.errors.spring.tomcat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.augno.errors.spring.test.AccessLog;
import com.augno.errors.spring.test.LogLines;
import com.augno.errors.test.AugnoErrors;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The valves over a real embedded Tomcat: requests Tomcat rejects itself get the
 * envelope, and a client that goes away mid-stream is logged as 499.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.mvc.async.request-timeout=500ms" })
@ExtendWith(OutputCaptureExtension.class)
class AugnoErrorsTomcatIntegrationTests {

	private static final AccessLog ACCESS_LOG = new AccessLog();

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void accessLogDirectory(DynamicPropertyRegistry registry) {
		ACCESS_LOG.register(registry);
	}

	static Stream<Arguments> rejectedRequests() {
		return Stream.of(Arguments.of("invalid percent-encoding", "GET /%zz HTTP/1.1\r\nHost: localhost\r\n"),
				Arguments.of("encoded slash", "GET /a%2Fb HTTP/1.1\r\nHost: localhost\r\n"),
				Arguments.of("space in the path", "GET /a b HTTP/1.1\r\nHost: localhost\r\n"),
				Arguments.of("pipe in the path", "GET /a|b HTTP/1.1\r\nHost: localhost\r\n"),
				Arguments.of("traversal above the root", "GET /../.. HTTP/1.1\r\nHost: localhost\r\n"),
				Arguments.of("space in a header name", "GET /ok HTTP/1.1\r\nHost: localhost\r\nX Bad: 1\r\n"),
				Arguments.of("header line without a colon", "GET /ok HTTP/1.1\r\nHost: localhost\r\nNoColon\r\n"),
				Arguments.of("HTTP/1.1 without Host", "GET /ok HTTP/1.1\r\n"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejectedRequests")
	void answersTomcatRejectWithEnvelope(String description, String head) throws IOException {
		RawHttpResponse response = RawHttpResponse.exchange(this.port, head + "Connection: close\r\n\r\n");
		assertThat(response.statusLine()).startsWith("HTTP/1.1 400");
		assertThat(response.body()).doesNotContain("<html");
		AugnoErrors.assertThat(response.captured())
			.isAugnoError("validation_failed")
			.hasMessage(AugnoErrorReportValve.MESSAGE)
			.hasNoParam();
	}

	@Test
	void givesEachRejectItsOwnRequestId() throws IOException {
		String request = "GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
		String first = RawHttpResponse.exchange(this.port, request).header("Request-Id");
		String second = RawHttpResponse.exchange(this.port, request).header("Request-Id");
		assertThat(first).isNotNull().isNotEqualTo(second);
	}

	static Stream<Arguments> refusedForGood() {
		return Stream.of(
				Arguments.of("CONNECT", "CONNECT localhost:80 HTTP/1.1\r\nHost: localhost:80\r\n", "501",
						"method_not_allowed", "Method not allowed."),
				Arguments.of("Transfer-Encoding: gzip",
						"POST /ok HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n", "501",
						"validation_failed", AugnoErrorReportValve.NOT_IMPLEMENTED_MESSAGE),
				Arguments.of("HTTP/2.0 request line", "GET /ok HTTP/2.0\r\nHost: localhost\r\n", "505",
						"validation_failed", AugnoErrorReportValve.VERSION_MESSAGE));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedForGood")
	void answersWhatTomcatRefusesForGoodAsClientErrorKeepingItsStatus(String description, String head, String status,
			String code, String message, CapturedOutput output) throws IOException {
		RawHttpResponse response = RawHttpResponse.exchange(this.port, head + "Connection: close\r\n\r\n");
		assertThat(response.statusLine()).startsWith("HTTP/1.1 " + status + " ");
		AugnoErrors.assertThat(response.captured().withoutStatus()).isAugnoError(code).hasMessage(message).hasNoParam();
		assertThat(LogLines.warningsAndErrors(output)).as("WARN or ERROR lines in %s", output.getAll()).isEmpty();
	}

	@Test
	void leavesErrorsTheApplicationAnsweredAlone() throws IOException {
		RawHttpResponse response = RawHttpResponse.exchange(this.port,
				"GET /nope HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response.statusLine()).startsWith("HTTP/1.1 404");
		AugnoErrors.assertThat(response.captured()).isAugnoError("resource_not_found");
	}

	@Test
	void leavesAcceptedRequestsAlone() throws IOException {
		RawHttpResponse response = RawHttpResponse.exchange(this.port,
				"GET /ok?x=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response.statusLine()).startsWith("HTTP/1.1 200");
		assertThat(response.body()).isEqualTo("ok");
	}

	@Test
	void logsClientThatClosedStreamAs499(CapturedOutput output) throws Exception {
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
		assertThat(ACCESS_LOG.awaitLine("GET /stream ", WAIT)).isEqualTo("GET /stream HTTP/1.1 499");
		assertThat(TestApplication.observedStatuses).containsEntry("/stream", 499);
		assertThat(LogLines.warningsAndErrors(output)).as("WARN or ERROR lines in %s", output.getAll()).isEmpty();
	}

	@Test
	void recordsAStreamCutByItsTimeoutWithTheTimeoutsStatus(CapturedOutput output) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout((int) WAIT.toMillis());
			socket.getOutputStream()
				.write("GET /slow-stream HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.ISO_8859_1));
			String received = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			assertThat(received).startsWith("HTTP/1.1 200").contains("line\n").doesNotEndWith("0\r\n\r\n");
		}
		// The status of the code in the log line, not the 500 Tomcat gives a failure: a
		// timeout is no server error for the access log.
		assertThat(ACCESS_LOG.awaitLine("GET /slow-stream ", WAIT)).isEqualTo("GET /slow-stream HTTP/1.1 408");
		assertThat(output).contains("408 request_timeout for GET /slow-stream");
	}

	@SpringBootApplication
	@RestController
	static class TestApplication {

		static final Map<String, Integer> observedStatuses = new ConcurrentHashMap<>();

		@GetMapping("/ok")
		String ok() {
			return "ok";
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

		@GetMapping("/slow-stream")
		StreamingResponseBody slowStream() {
			// Commits the response, then outlasts the request timeout, which Tomcat
			// checks
			// once a second.
			return (out) -> {
				// More than the response's buffer: Spring Framework 7 ignores a streaming
				// body's flush unless told otherwise.
				out.write("line\n".repeat(2000).getBytes(StandardCharsets.US_ASCII));
				long deadline = System.nanoTime() + Duration.ofMillis(2500).toNanos();
				while (System.nanoTime() < deadline) {
					sleep();
				}
			};
		}

		@Bean
		OncePerRequestFilter statusRecordingFilter() {
			// Reads the status when the request ends, as Micrometer's observation filter
			// does.
			return new OncePerRequestFilter() {
				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					chain.doFilter(request, response);
					if (request.isAsyncStarted()) {
						request.getAsyncContext().addListener(new AsyncListener() {
							@Override
							public void onComplete(AsyncEvent event) {
								observedStatuses.put(request.getRequestURI(),
										((HttpServletResponse) event.getSuppliedResponse()).getStatus());
							}

							@Override
							public void onTimeout(AsyncEvent event) {
							}

							@Override
							public void onError(AsyncEvent event) {
							}

							@Override
							public void onStartAsync(AsyncEvent event) {
							}
						});
					}
					else {
						observedStatuses.put(request.getRequestURI(), response.getStatus());
					}
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
