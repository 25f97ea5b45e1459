package com.augno.errors.spring.tomcat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.augno.errors.spring.test.AccessLog;
import com.augno.errors.spring.test.LogLines;
import com.augno.errors.spring.web.ErrorEvent;
import com.augno.errors.spring.web.ErrorListener;
import com.augno.errors.test.AugnoErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fault probes over a real embedded Tomcat and raw sockets (gh-10): a cause chain that
 * loops, a client that resets or half-closes its connection in the middle of a request
 * body, log lines of the container's error dispatch, a listener that throws an
 * {@link Error}. Each asserts the status, the whole envelope and the log lines of the
 * request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "logging.level.com.augno.errors=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class RequestFaultsIntegrationTests {

	private static final AccessLog ACCESS_LOG = new AccessLog();

	private static final Duration WAIT = Duration.ofSeconds(10);

	// Only a guard against a request that never answers, not a performance assertion.
	private static final Duration HANG_GUARD = Duration.ofSeconds(30);

	private static final String PARTIAL_ORDER = "{\"customer\":\"cus_1\",\"items\":["
			+ "{\"sku\":\"sku_1\",\"qty\":1},".repeat(40);

	@LocalServerPort
	private int port;

	@org.springframework.test.context.DynamicPropertySource
	static void accessLogDirectory(org.springframework.test.context.DynamicPropertyRegistry registry) {
		ACCESS_LOG.register(registry);
	}

	@BeforeEach
	void clearEvents() {
		TestApplication.events.clear();
	}

	// gh-10 #2
	@ParameterizedTest
	@ValueSource(strings = { "/loop", "/claiming/loop" })
	void answersACauseChainThatLoopsWithInternalError(String path, CapturedOutput output) {
		RawHttpResponse response = assertTimeoutPreemptively(HANG_GUARD, () -> RawHttpResponse.exchange(this.port,
				"GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
		assertThat(response.statusLine()).startsWith("HTTP/1.1 500");
		String requestId = response.header("Request-Id");
		AugnoErrors.assertThat(response.captured())
			.isAugnoError("internal_error")
			.hasMessage("Something went wrong.")
			.hasNoParam();
		assertThat(entries(output, path)).singleElement()
			.satisfies((line) -> assertThat(line).contains(" ERROR ")
				.contains("500 internal_error for GET " + path + " (request_id=" + requestId + ")"));
		assertThat(output.getAll()).contains("java.lang.IllegalStateException: outer")
			.doesNotContain("StackOverflowError");
		assertThat(LogLines.warningsAndErrors(output)).hasSize(1);
		assertThat(TestApplication.events).containsExactly("500 GET " + path);
	}

	// gh-10 #3
	@Test
	void logsAnUploadTheClientResetAsOneQuiet499(CapturedOutput output) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /v1/orders?probe=reset HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: 1000000\r\nX-Probe: reset\r\n\r\n" + PARTIAL_ORDER)
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			assertThat(TestApplication.bodyReadStarted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			// Reset rather than close: the server's read fails with "Connection reset".
			socket.setSoLinger(true, 0);
		}
		assertThat(ACCESS_LOG.awaitLine("POST /v1/orders?probe=reset ", WAIT))
			.isEqualTo("POST /v1/orders?probe=reset HTTP/1.1 499");
		assertThat(TestApplication.events).containsExactly("499 POST /v1/orders");
		assertThat(entries(output, "/v1/orders")).singleElement()
			.satisfies((line) -> assertThat(line).contains(" DEBUG ")
				.containsPattern("499 client_closed_request for POST /v1/orders \\(request_id=[A-Za-z0-9._-]+\\)"));
		assertThat(LogLines.warningsAndErrors(output)).isEmpty();
	}

	// gh-10 #6
	@Test
	void answersATruncatedBodyTheClientHalfClosedWithTheEnvelope(CapturedOutput output) throws Exception {
		RawHttpResponse response = sendAndHalfClose(
				"POST /v1/orders?probe=truncated HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
						+ "Content-Length: 100000\r\n\r\n" + PARTIAL_ORDER);
		assertTruncatedBodyAnswered(response, output, "/v1/orders");
		assertThat(ACCESS_LOG.awaitLine("POST /v1/orders?probe=truncated ", WAIT))
			.isEqualTo("POST /v1/orders?probe=truncated HTTP/1.1 400");
	}

	@Test
	void answersATruncatedMultipartBodyTheClientHalfClosedWithTheEnvelope(CapturedOutput output) throws Exception {
		RawHttpResponse response = sendAndHalfClose("POST /v1/documents HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: 100000\r\n\r\n"
				+ "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\n" + "line of the file\n".repeat(60));
		assertTruncatedBodyAnswered(response, output, "/v1/documents");
	}

	/**
	 * Send a request whose body ends before its declared length, half-close the
	 * connection and read the answer.
	 */
	private RawHttpResponse sendAndHalfClose(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout((int) WAIT.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			socket.shutdownOutput();
			return RawHttpResponse.read(socket);
		}
	}

	private static void assertTruncatedBodyAnswered(RawHttpResponse response, CapturedOutput output, String path) {
		assertThat(response.statusLine()).startsWith("HTTP/1.1 400");
		String requestId = response.header("Request-Id");
		AugnoErrors.assertThat(response.captured())
			.isAugnoError("validation_failed")
			.hasMessage("The request body ended before its declared length.")
			.hasNoParam();
		assertThat(TestApplication.events).containsExactly("400 POST " + path);
		assertThat(entries(output, path)).singleElement()
			.satisfies((line) -> assertThat(line).contains(" DEBUG ")
				.contains("400 validation_failed for POST " + path + " (request_id=" + requestId + ")"));
		assertThat(LogLines.warningsAndErrors(output)).isEmpty();
	}

	// gh-10 #9
	@Test
	void namesTheClientsMethodInTheLogOfTheErrorDispatch(CapturedOutput output) throws IOException {
		RawHttpResponse response = RawHttpResponse.exchange(this.port,
				"DELETE /forbidden HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response.statusLine()).startsWith("HTTP/1.1 403");
		String requestId = response.header("Request-Id");
		AugnoErrors.assertThat(response.captured())
			.isAugnoError("insufficient_permissions")
			.hasMessage("You do not have permission to perform this action.")
			.hasNoParam();
		assertThat(entries(output, "/forbidden")).singleElement()
			.satisfies((line) -> assertThat(line).contains(" DEBUG ")
				.contains("403 insufficient_permissions for DELETE /forbidden (request_id=" + requestId + ")"));
		assertThat(TestApplication.events).containsExactly("403 DELETE /forbidden");
	}

	// gh-10 #10
	@Test
	void containsAnErrorThrownByAListener(CapturedOutput output) throws IOException {
		RawHttpResponse response = RawHttpResponse.exchange(this.port,
				"GET /listener-fails/nope HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response.statusLine()).startsWith("HTTP/1.1 404");
		String requestId = response.header("Request-Id");
		AugnoErrors.assertThat(response.captured())
			.isAugnoError("resource_not_found")
			.hasMessage("Unrecognized request URL: GET /listener-fails/nope.")
			.hasNoParam();
		assertThat(LogLines.warningsAndErrors(output)).singleElement()
			.satisfies((line) -> assertThat(line).contains(" WARN ")
				.contains("Error listener " + FailingListener.class.getName()
						+ " failed for resource_not_found (request_id=" + requestId + ")"));
		assertThat(entries(output, "/listener-fails/nope")).singleElement()
			.satisfies((line) -> assertThat(line).contains(" DEBUG ")
				.contains("404 resource_not_found for GET /listener-fails/nope (request_id=" + requestId + ")"));
	}

	private static List<String> entries(CapturedOutput output, String path) {
		return LogLines.events(output).stream().filter((line) -> line.contains(" " + path + " ")).toList();
	}

	/**
	 * Throws an {@link AssertionError} for every request under {@code /listener-fails}.
	 */
	static final class FailingListener implements ErrorListener {

		@Override
		public void onError(ErrorEvent event) {
			if (event.path().startsWith("/listener-fails")) {
				throw new AssertionError("listener bug");
			}
		}

	}

	@SpringBootApplication
	@RestController
	static class TestApplication {

		static final List<String> events = new CopyOnWriteArrayList<>();

		static final CountDownLatch bodyReadStarted = new CountDownLatch(1);

		@GetMapping("/loop")
		String loop() {
			throw loopingFailure();
		}

		static IllegalStateException loopingFailure() {
			IllegalStateException outer = new IllegalStateException("outer");
			IOException inner = new IOException("inner", outer);
			outer.initCause(inner);
			return outer;
		}

		@PostMapping("/v1/orders")
		Map<String, Object> create(@RequestBody Map<String, Object> order) {
			return order;
		}

		@PostMapping("/v1/documents")
		long upload(@RequestPart("file") MultipartFile file) {
			return file.getSize();
		}

		@Bean
		ClaimingController claimingController() {
			return new ClaimingController();
		}

		@Bean
		ErrorListener recordingListener() {
			return (event) -> events.add(event.status() + " " + event.method() + " " + event.path());
		}

		@Bean
		FailingListener failingListener() {
			return new FailingListener();
		}

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> probeFilter() {
			OncePerRequestFilter filter = new OncePerRequestFilter() {
				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					if ("reset".equals(request.getHeader("X-Probe"))) {
						bodyReadStarted.countDown();
					}
					if (request.getRequestURI().equals("/forbidden")) {
						response.sendError(HttpServletResponse.SC_FORBIDDEN);
						return;
					}
					chain.doFilter(request, response);
				}
			};
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(0);
			return registration;
		}

	}

	/**
	 * A controller with an {@code @ExceptionHandler} of its own, which makes Spring MVC's
	 * resolution of exception handlers look at the whole cause chain.
	 */
	@RestController
	static class ClaimingController {

		@GetMapping("/claiming/loop")
		String loop() {
			throw TestApplication.loopingFailure();
		}

		@ExceptionHandler(UnsupportedOperationException.class)
		@ResponseStatus(HttpStatus.CONFLICT)
		String unsupported() {
			return "unsupported";
		}

	}

}
