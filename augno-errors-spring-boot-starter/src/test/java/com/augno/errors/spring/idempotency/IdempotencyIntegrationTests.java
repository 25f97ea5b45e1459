package com.augno.errors.spring.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.augno.errors.ErrorType;
import com.augno.errors.test.CapturedResponse;
import com.augno.errors.test.AugnoErrors;
import com.augno.errors.AugnoException;
import com.augno.errors.spring.test.LogLines;
import com.augno.errors.spring.web.ErrorListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency keys over a real Tomcat, on the in-memory store: execution once, replay, in
 * progress, key reuse, malformed keys, what is stored and what is not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "augno.errors.idempotency.enabled=true", "augno.errors.idempotency.max-response-size=1KB",
				"augno.errors.idempotency.max-request-size=2KB", "server.shutdown=immediate" })
@ExtendWith(OutputCaptureExtension.class)
class IdempotencyIntegrationTests {

	private static final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String key = "key_" + UUID.randomUUID();

	@LocalServerPort
	private int port;

	@Test
	void theFirstRequestExecutesAndARetryGetsItsResponseAgainWithoutExecuting(CapturedOutput output) throws Exception {
		HttpResponse<String> first = post("/orders/a", "{\"amount\":10}", this.key);
		HttpResponse<String> retry = post("/orders/a", "{\"amount\":10}", this.key);
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(first.body()).contains("\"execution\":1");
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"))
			.isPresent();
		assertThat(retry.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(retry.headers().firstValue("X-Not-Replayed")).isEmpty();
		assertThat(retry.headers().firstValue("Request-Id")).isPresent()
			.isNotEqualTo(first.headers().firstValue("Request-Id"));
		assertThat(executions("a")).isEqualTo(1);
		assertThat(LogLines.warningsAndErrors(output)).isEmpty();
	}

	@Test
	void aRetryWhileTheFirstIsRunningIsInProgress() throws Exception {
		CompletableFuture<HttpResponse<String>> first = this.http.sendAsync(
				request("/orders/slow", "{}", this.key).header("Delay-Ms", "1500").build(),
				HttpResponse.BodyHandlers.ofString());
		awaitExecutions("slow", 1);
		HttpResponse<String> retry = post("/orders/slow", "{}", this.key);
		assertThat(retry.statusCode()).isEqualTo(409);
		assertThat(retry.headers().firstValue("Retry-After")).hasValue("1");
		AugnoErrors.assertThat(retry)
			.isAugnoError("idempotency_in_progress", ErrorType.IDEMPOTENCY_ERROR)
			.hasMessage("Request for the idempotency key '" + this.key + "' is already being processed.")
			.hasNoParam()
			.isTransient()
			.hasNoQuota();
		assertThat(first.get().statusCode()).isEqualTo(201);
		assertThat(post("/orders/slow", "{}", this.key).headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(executions("slow")).isEqualTo(1);
	}

	@Test
	void theSameKeyWithOtherParametersIsAnIdempotencyError() throws Exception {
		assertThat(post("/orders/b", "{\"amount\":10}", this.key).statusCode()).isEqualTo(201);
		HttpResponse<String> reuse = post("/orders/b", "{\"amount\":99}", this.key);
		assertThat(reuse.statusCode()).isEqualTo(400);
		AugnoErrors.assertThat(reuse)
			.isAugnoError("validation_failed", ErrorType.IDEMPOTENCY_ERROR)
			.hasMessage("Idempotency key '" + this.key + "' was used with different request parameters; use a new key.")
			.hasNoParam()
			.isNotTransient();
		HttpResponse<String> otherQuery = send(HttpRequest.newBuilder(uri("/orders/b?expand=all"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"amount\":10}"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", this.key));
		assertThat(otherQuery.statusCode()).isEqualTo(400);
		assertThat(executions("b")).isEqualTo(1);
	}

	// Tomcat rejects other control characters in a header itself (a validation_failed of
	// the starter's valve); a tab is valid HTTP but not in a key.
	@ParameterizedTest
	@ValueSource(strings = { "Idempotency-Key: \r\n", "Idempotency-Key: a\tb\r\n", "Idempotency-Key: caf\u00e9\r\n",
			"Idempotency-Key: one\r\nIdempotency-Key: two\r\n", "LONG" })
	void aMalformedKeyIsParameterInvalidNamingTheHeader(String headers) throws Exception {
		String header = headers.equals("LONG") ? "Idempotency-Key: " + "k".repeat(256) + "\r\n" : headers;
		String response = raw("POST /orders/c HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Content-Length: 2\r\nConnection: close\r\n" + header + "\r\n{}");
		assertThat(response).startsWith("HTTP/1.1 400 ");
		AugnoErrors.assertThat(CapturedResponse.bodyOnly(response.substring(response.indexOf("\r\n\r\n") + 4)))
			.isAugnoError("parameter_invalid", ErrorType.INVALID_REQUEST_ERROR)
			.hasMessage("The Idempotency-Key header must be given once, with 1 to 255 printable ASCII characters.")
			.hasParam("Idempotency-Key")
			.isNotTransient();
		assertThat(executions("c")).isZero();
	}

	@Test
	void aKeyWrittenAsAStructuredFieldStringIsTheSameKey() throws Exception {
		assertThat(post("/orders/quoted", "{}", this.key).statusCode()).isEqualTo(201);
		HttpResponse<String> quoted = post("/orders/quoted", "{}", "\"" + this.key + "\"");
		assertThat(quoted.headers().firstValue("Idempotent-Replayed")).hasValue("true");
	}

	@Test
	void aServerErrorIsNotStoredSoThatTheClientMayRetry() throws Exception {
		HttpResponse<String> failed = post("/flaky", "{}", this.key);
		assertThat(failed.statusCode()).isEqualTo(500);
		HttpResponse<String> retry = post("/flaky", "{}", this.key);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(executions("flaky")).isEqualTo(2);
	}

	@Test
	void aClientThatRetriesAsSoonAsItHasTheServerErrorExecutesAgain(CapturedOutput output) throws Exception {
		// The server error is written, then an ErrorListener takes its time: the key must
		// be
		// released before the client can read the 500, or its retry finds it in flight.
		HttpResponse<String> failed = post("/flushed", "{}", this.key);
		assertThat(failed.statusCode()).isEqualTo(500);
		HttpResponse<String> retry = post("/flushed", "{}", this.key);
		assertThat(retry.statusCode()).as("not idempotency_in_progress: %s", retry.body()).isEqualTo(201);
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(executions("flushed")).isEqualTo(2);
		assertThat(output).contains("500 internal_error for POST /flushed");
	}

	@Test
	void aClientErrorIsTheFinalAnswerAndReplayed() throws Exception {
		HttpResponse<String> first = post("/conflict", "{}", this.key);
		HttpResponse<String> retry = post("/conflict", "{}", this.key);
		assertThat(first.statusCode()).isEqualTo(409);
		assertThat(retry.statusCode()).isEqualTo(409);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(retry.headers().firstValue("Cache-Control")).hasValue("no-store");
		// The body is the first answer's, request_log_url included; the Request-Id header
		// is
		// the retry's own, so only the body is checked.
		AugnoErrors.assertThat(CapturedResponse.bodyOnly(retry.body()))
			.isAugnoError("resource_exists", ErrorType.INVALID_REQUEST_ERROR)
			.hasMessage("Order exists.")
			.hasNoParam()
			.isNotTransient()
			.hasNoQuota();
		assertThat(executions("conflict")).isEqualTo(1);
	}

	@Test
	void aKeyIsScopedToTheCallerAndTheEndpoint() throws Exception {
		assertThat(send(request("/orders/d", "{}", this.key).header("Authorization", "Bearer one")).statusCode())
			.isEqualTo(201);
		HttpResponse<String> otherCaller = send(
				request("/orders/d", "{}", this.key).header("Authorization", "Bearer two"));
		assertThat(otherCaller.headers().firstValue("Idempotent-Replayed")).isEmpty();
		HttpResponse<String> otherEndpoint = send(
				request("/orders/e", "{}", this.key).header("Authorization", "Bearer one"));
		assertThat(otherEndpoint.headers().firstValue("Idempotent-Replayed")).isEmpty();
		HttpResponse<String> sameCaller = send(
				request("/orders/d", "{}", this.key).header("Authorization", "Bearer one"));
		assertThat(sameCaller.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(executions("d")).isEqualTo(2);
		assertThat(executions("e")).isEqualTo(1);
	}

	@Test
	void requestsWithoutAKeyOrOfOtherMethodsPassThrough() throws Exception {
		send(HttpRequest.newBuilder(uri("/orders/f"))
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json"));
		send(HttpRequest.newBuilder(uri("/orders/f"))
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json"));
		send(HttpRequest.newBuilder(uri("/orders/f")).GET().header("Idempotency-Key", this.key));
		send(HttpRequest.newBuilder(uri("/orders/f")).GET().header("Idempotency-Key", this.key));
		assertThat(executions("f")).isEqualTo(2);
		assertThat(executions("get f")).isEqualTo(2);
	}

	@Test
	void aResponseOverTheBoundIsSentWholeButNotStored(CapturedOutput output) throws Exception {
		HttpResponse<String> first = post("/large", "{}", this.key);
		HttpResponse<String> retry = post("/large", "{}", this.key);
		assertThat(first.body()).hasSize(4096);
		assertThat(retry.body()).hasSize(4096);
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(executions("large")).isEqualTo(2);
		assertThat(output.getAll()).contains("Not storing the response to POST /large for its idempotency key: "
				+ "its body exceeds augno.errors.idempotency.max-response-size (1024 bytes)");
	}

	@Test
	void aRequestBodyOverTheBoundIsRequestTooLarge() throws Exception {
		HttpResponse<String> response = post("/orders/g", "{\"pad\":\"" + "x".repeat(3000) + "\"}", this.key);
		assertThat(response.statusCode()).isEqualTo(413);
		AugnoErrors.assertThat(response)
			.isAugnoError("request_too_large", ErrorType.INVALID_REQUEST_ERROR)
			.hasMessage("A request with an Idempotency-Key header may have a body of at most 2048 bytes.")
			.hasNoParam()
			.isNotTransient()
			.hasNoQuota();
		assertThat(executions("g")).isZero();
	}

	@Test
	void anAsynchronousResponseIsStoredWhenItCompletes() throws Exception {
		HttpResponse<String> first = post("/async", "{}", this.key);
		HttpResponse<String> retry = post("/async", "{}", this.key);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(retry.body()).isEqualTo(first.body()).isEqualTo("async 1");
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
	}

	@Test
	void aFormReachesTheHandlerAndItsParametersAreTheFingerprint() throws Exception {
		HttpResponse<String> first = send(form("name=lamp&size=2"));
		HttpResponse<String> reordered = send(form("size=2&name=lamp"));
		HttpResponse<String> other = send(form("name=desk&size=2"));
		assertThat(first.body()).isEqualTo("lamp 2");
		assertThat(reordered.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(other.statusCode()).isEqualTo(400);
		assertThat(executions("form")).isEqualTo(1);
	}

	private HttpRequest.Builder form(String body) {
		return HttpRequest.newBuilder(uri("/form"))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Idempotency-Key", this.key);
	}

	private static int executions(String name) {
		AtomicInteger count = executions.get(name);
		return (count != null) ? count.get() : 0;
	}

	private static void awaitExecutions(String name, int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (executions(name) < count && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
	}

	private HttpResponse<String> post(String path, String body, String key) throws Exception {
		return send(request(path, body, key));
	}

	private HttpRequest.Builder request(String path, String body, String key) {
		return HttpRequest.newBuilder(uri(path))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@SpringBootApplication
	@RestController
	static class TestApplication {

		@PostMapping("/orders/{name}")
		ResponseEntity<Map<String, Object>> create(@PathVariable String name, @RequestBody Map<String, Object> body,
				@RequestHeader(name = "Delay-Ms", defaultValue = "0") long delay) throws InterruptedException {
			int execution = executions.computeIfAbsent(name, (key) -> new AtomicInteger()).incrementAndGet();
			Thread.sleep(delay);
			return ResponseEntity.created(URI.create("/orders/" + name + "/" + execution))
				.header("X-Not-Replayed", "yes")
				.body(Map.of("name", name, "execution", execution));
		}

		@GetMapping("/orders/{name}")
		String find(@PathVariable String name) {
			return "find " + executions.computeIfAbsent("get " + name, (key) -> new AtomicInteger()).incrementAndGet();
		}

		@PostMapping("/flaky")
		ResponseEntity<String> flaky() {
			if (executions.computeIfAbsent("flaky", (key) -> new AtomicInteger()).incrementAndGet() == 1) {
				throw new IllegalStateException("Simulated failure");
			}
			return ResponseEntity.status(201).body("created");
		}

		@PostMapping("/flushed")
		ResponseEntity<String> flushed() {
			if (executions.computeIfAbsent("flushed", (key) -> new AtomicInteger()).incrementAndGet() == 1) {
				throw new IllegalStateException("Simulated failure");
			}
			return ResponseEntity.status(201).body("created");
		}

		@Bean
		ErrorListener slowListener() {
			return (event) -> {
				if (event.path().equals("/flushed")) {
					try {
						Thread.sleep(400);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
			};
		}

		@PostMapping("/conflict")
		String conflict() {
			executions.computeIfAbsent("conflict", (key) -> new AtomicInteger()).incrementAndGet();
			throw AugnoException.of("resource_exists").message("Order exists.");
		}

		@PostMapping("/large")
		String large() {
			executions.computeIfAbsent("large", (key) -> new AtomicInteger()).incrementAndGet();
			return "x".repeat(4096);
		}

		@PostMapping("/async")
		Callable<String> async() {
			int execution = executions.computeIfAbsent("async", (key) -> new AtomicInteger()).incrementAndGet();
			return () -> "async " + execution;
		}

		@PostMapping(path = "/form", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
		String form(@RequestParam String name, @RequestParam int size) {
			executions.computeIfAbsent("form", (key) -> new AtomicInteger()).incrementAndGet();
			return name + " " + size;
		}

	}

}
