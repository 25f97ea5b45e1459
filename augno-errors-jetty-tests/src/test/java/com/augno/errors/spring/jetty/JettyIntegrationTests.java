package com.augno.errors.spring.jetty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.AugnoException;
import com.augno.errors.spring.test.AccessLog;
import com.augno.errors.test.AugnoErrors;
import com.augno.errors.spring.tomcat.RawHttpResponse;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP failures that depend on the container, over a real embedded Jetty: each is
 * answered with the envelope, as on Tomcat, except where the class says otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
@ExtendWith(OutputCaptureExtension.class)
class JettyIntegrationTests {

	private static final AccessLog ACCESS_LOG = new AccessLog();

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@DynamicPropertySource
	static void accessLogDirectory(DynamicPropertyRegistry registry) {
		ACCESS_LOG.register(registry);
	}

	@Test
	void runsOnJettyWithJettysCustomizerOnly(@Autowired WebServerApplicationContext context) {
		assertThat(context.getWebServer()).isInstanceOf(JettyWebServer.class);
		assertThat(context.getBeansOfType(AugnoErrorsJettyCustomizer.class)).hasSize(1);
		assertThat(context.containsBean("augnoErrorsTomcatCustomizer")).isFalse();
	}

	@Test
	void unmappedUrlIsResourceNotFound() throws Exception {
		HttpResponse<String> response = this.http.get("/v1/nothing-here");
		AugnoErrors.assertThat(response)
			.isAugnoError("resource_not_found")
			.hasContentLength()
			.hasMessage("Unrecognized request URL: GET /v1/nothing-here.")
			.hasNoParam();
	}

	@Test
	void wrongMethodIsMethodNotAllowedWithAllow() throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/items").DELETE());
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
		AugnoErrors.assertThat(response)
			.isAugnoError("method_not_allowed")
			.hasContentLength()
			.hasMessage("Method not allowed.")
			.hasNoParam();
	}

	@Test
	void malformedJsonIsValidationFailed() throws Exception {
		HttpResponse<String> response = this.http.postJson("/items", "{\"name\":");
		AugnoErrors.assertThat(response)
			.isAugnoError("validation_failed")
			.hasContentLength()
			.hasMessage("The request body is not valid JSON.")
			.hasNoParam();
	}

	@Test
	void invalidBodyNamesTheField() throws Exception {
		HttpResponse<String> response = this.http.postJson("/items", "{}");
		AugnoErrors.assertThat(response)
			.isAugnoError("missing_field")
			.hasContentLength()
			.hasMessage("Name is required.")
			.hasParam("name");
	}

	@Test
	void anExceptionFromAFilterIsEnveloped() throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request("/ok").header("X-Fail-In-Filter", "yes").GET());
		AugnoErrors.assertThat(response)
			.isAugnoError("service_unavailable")
			.hasContentLength()
			.hasMessage("The service is temporarily unavailable. Please try again later.")
			.hasNoParam();
	}

	@Test
	void anErrorStatusAFilterSetWithoutABodyGetsTheEnvelopeAndKeepsItsHeaders() throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request("/ok").header("X-Deny-In-Filter", "yes").GET());
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"augno\"");
		AugnoErrors.assertThat(response)
			.isAugnoError("invalid_credentials")
			.hasContentLength()
			.hasMessage("No credentials were provided.")
			.hasNoParam();
	}

	@Test
	void sendErrorIsEnvelopedThroughTheErrorController() throws Exception {
		HttpResponse<String> response = this.http.get("/send-error");
		AugnoErrors.assertThat(response)
			.isAugnoError("insufficient_permissions")
			.hasContentLength()
			.hasMessage("You do not have permission to perform this action.")
			.hasNoParam();
		assertThat(response.body()).doesNotContain("internal detail");
	}

	@Test
	void eachRequestGetsItsOwnRequestIdInHeaderAndLink() throws Exception {
		HttpResponse<String> ok = this.http.get("/ok");
		assertThat(ok.statusCode()).isEqualTo(200);
		String okId = ok.headers().firstValue("Request-Id").orElseThrow();
		assertThat(okId).matches("rq_[a-z0-9]{20}");
		HttpResponse<String> first = this.http.get("/v1/nothing-here");
		HttpResponse<String> second = this.http.get("/v1/nothing-here");
		String firstId = AugnoErrors.assertThat(first).isAugnoError("resource_not_found").requestId();
		String secondId = AugnoErrors.assertThat(second).isAugnoError("resource_not_found").requestId();
		assertThat(firstId).isNotEqualTo(secondId).isNotEqualTo(okId);
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
	void answersJettyRejectWithEnvelope(String description, String head) throws IOException {
		RawHttpResponse response = RawHttpResponse.exchange(this.port, head + "Connection: close\r\n\r\n");
		assertThat(response.statusLine()).startsWith("HTTP/1.1 400");
		AugnoErrors.assertThat(response.captured())
			.isAugnoError("validation_failed")
			.hasMessage("The request could not be understood: its request line or headers are malformed.")
			.hasNoParam();
	}

	@Test
	void keepsJettysStatusWhenNearestCodeHasAnother() throws IOException {
		RawHttpResponse response = RawHttpResponse.exchange(this.port,
				"GET /ok HTTP/1.2\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response.statusLine()).startsWith("HTTP/1.1 505");
		assertThat(response.body()).doesNotContain("<html");
		// Jetty's 505 is kept though the nearest code has another status: the rest is
		// checked.
		AugnoErrors.assertThat(response.captured().withoutStatus()).isAugnoError();
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
		// Unlike Tomcat: Jetty keeps the committed status for the servlet API.
		assertThat(App.observedStatuses).containsEntry("/stream", 200);
		// Log events only: Logback's own status lines ("|-WARN in ...") are not the
		// server's.
		assertThat(output.getAll().lines().filter((line) -> line.matches("^\\S+\\s+(WARN|ERROR)\\s.*")))
			.as("WARN or ERROR lines in %s", output.getAll())
			.isEmpty();
	}

	/**
	 * A failure after the response was committed: Jetty, too, must not end the chunked
	 * body with its final chunk as if it were complete. Jetty has no valve like Tomcat's,
	 * so the request id filter rethrows the failure and Jetty aborts the connection;
	 * Jetty then logs it once more at WARN (see the README's Containers section).
	 */
	@Test
	void aFailureAfterCommitAbortsTheResponse(CapturedOutput output) throws Exception {
		String raw = exchangeUntilLastChunk("GET /commit-then-fail HTTP/1.1\r\nHost: localhost\r\n\r\n");
		assertThat(raw).startsWith("HTTP/1.1 200 OK\r\n")
			.contains("\r\nTransfer-Encoding: chunked\r\n")
			.contains("\r\n7\r\npartial")
			.doesNotContain("\r\n0\r\n\r\n");
		String requestId = raw.lines()
			.filter((line) -> line.startsWith("Request-Id: "))
			.findFirst()
			.orElseThrow()
			.substring("Request-Id: ".length());
		assertThat(output).contains("500 internal_error for GET /commit-then-fail (request_id=" + requestId + ")");
	}

	private String exchangeUntilLastChunk(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout((int) WAIT.toMillis());
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			ByteArrayOutputStream raw = new ByteArrayOutputStream();
			InputStream in = socket.getInputStream();
			int read;
			while (!raw.toString(StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n") && (read = in.read()) != -1) {
				raw.write(read);
			}
			return raw.toString(StandardCharsets.ISO_8859_1);
		}
	}

	@SpringBootApplication
	@RestController
	static class App {

		static final Map<String, Integer> observedStatuses = new ConcurrentHashMap<>();

		@GetMapping("/ok")
		String ok() {
			return "ok";
		}

		@PostMapping("/items")
		String create(@Valid @RequestBody Item item) {
			return item.name();
		}

		@GetMapping("/send-error")
		void sendError(HttpServletResponse response) throws IOException {
			response.sendError(403, "internal detail");
		}

		@GetMapping("/commit-then-fail")
		void commitThenFail(HttpServletResponse response) throws IOException {
			ServletOutputStream out = response.getOutputStream();
			out.write("partial".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			throw new IllegalStateException("failed after commit");
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

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> failingFilter() {
			return new FilterRegistrationBean<>(new OncePerRequestFilter() {
				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					if (request.getHeader("X-Fail-In-Filter") != null) {
						throw AugnoException.of("service_unavailable");
					}
					if (request.getHeader("X-Deny-In-Filter") != null) {
						response.setHeader("WWW-Authenticate", "Bearer realm=\"augno\"");
						response.setStatus(401);
						return;
					}
					chain.doFilter(request, response);
				}
			});
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

	record Item(@NotBlank String name) {
	}

}
