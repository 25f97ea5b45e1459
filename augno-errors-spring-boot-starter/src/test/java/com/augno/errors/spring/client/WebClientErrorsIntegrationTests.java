package com.augno.errors.spring.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux service calling real local servers with Boot's {@code WebClient.Builder}: a
 * closed port, a server too slow to answer, and a server answering with an Augno
 * envelope, a 503 with {@code Retry-After} or a proxy's HTML 502. Each failure is
 * answered as on Spring MVC with {@code RestClient}, and the calls carry the request id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive", "augno.errors.client.pass-through-codes=insufficient_permissions",
		"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ExtendWith(OutputCaptureExtension.class)
class WebClientErrorsIntegrationTests {

	private static final String ENVELOPE = """
			{"error":{"code":"%s","type":"invalid_request_error","message":"Downstream says no.","param":null,\
			"quota":null,"doc_url":null,"request_log_url":null,"is_transient":false}}""";

	private static final Queue<String> receivedRequestIds = new ConcurrentLinkedQueue<>();

	private static HttpServer downstream;

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@BeforeAll
	static void startDownstream() throws IOException {
		downstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		downstream.createContext("/slow", (exchange) -> {
			record(exchange);
			try {
				Thread.sleep(3000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			answer(exchange, 200, "text/plain", "late", null);
		});
		downstream.createContext("/envelope/", (exchange) -> {
			record(exchange);
			String code = exchange.getRequestURI().getPath().substring("/envelope/".length());
			answer(exchange, 403, "application/json", ENVELOPE.formatted(code), "req_downstream123");
		});
		downstream.createContext("/busy", (exchange) -> {
			record(exchange);
			exchange.getResponseHeaders().set("Retry-After", "7");
			answer(exchange, 503, "application/json", "", null);
		});
		downstream.createContext("/html", (exchange) -> {
			record(exchange);
			answer(exchange, 502, "text/html", "<html><body>Bad Gateway from proxy 10.0.0.7</body></html>", null);
		});
		downstream.start();
	}

	@AfterAll
	static void stopDownstream() {
		downstream.stop(0);
	}

	private static void record(HttpExchange exchange) {
		String id = exchange.getRequestHeaders().getFirst("Request-Id");
		receivedRequestIds.add((id != null) ? id : "none");
	}

	private static void answer(HttpExchange exchange, int status, String type, String body, String requestId)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		if (requestId != null) {
			exchange.getResponseHeaders().set("Request-Id", requestId);
		}
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	@Test
	void aClosedPortIsConnectionError() throws Exception {
		HttpResponse<String> response = this.http.get("/call/closed");
		AugnoErrors.assertThat(response).isAugnoError("connection_error").hasStatus(502);
		assertThat(response.body()).doesNotContain("127.0.0.1", "Connection refused");
	}

	@Test
	void aReactorTimeoutIsTimeout() throws Exception {
		HttpResponse<String> response = this.http.get("/call/slow-reactor-timeout");
		AugnoErrors.assertThat(response).isAugnoError("timeout");
	}

	@Test
	void aResponseTimeoutOfTheHttpClientIsTimeout() throws Exception {
		HttpResponse<String> response = this.http.get("/call/slow-response-timeout");
		AugnoErrors.assertThat(response).isAugnoError("timeout");
	}

	@Test
	void aDownstreamEnvelopeIsExternalServiceErrorNeverForwarded() throws Exception {
		HttpResponse<String> response = this.http.get("/call/envelope/resource_conflict");
		AugnoErrors.assertThat(response).isAugnoError("external_service_error");
		assertThat(response.body()).doesNotContain("Downstream says no", "req_downstream123");
	}

	@Test
	void aPassedThroughDownstreamCodeBecomesOursWithOurRequestId() throws Exception {
		HttpResponse<String> response = this.http.get("/call/envelope/insufficient_permissions");
		String ours = response.headers().firstValue("Request-Id").orElseThrow();
		AugnoErrors.assertThat(response)
			.isAugnoError("insufficient_permissions")
			.hasMessage("Downstream says no.")
			.hasRequestId(ours);
		assertThat(ours).isNotEqualTo("req_downstream123");
	}

	@Test
	void aDownstream503IsServiceUnavailableWithItsRetryAfter() throws Exception {
		HttpResponse<String> response = this.http.get("/call/busy");
		AugnoErrors.assertThat(response).isAugnoError("service_unavailable");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
	}

	@Test
	void aProxysHtml502IsExternalServiceErrorWithoutTheBody() throws Exception {
		HttpResponse<String> response = this.http.get("/call/html");
		AugnoErrors.assertThat(response).isAugnoError("external_service_error");
		assertThat(response.body()).doesNotContain("10.0.0.7", "Bad Gateway");
	}

	@Test
	void theCallCarriesTheRequestIdOfTheRequestBeingServed() throws Exception {
		receivedRequestIds.clear();
		HttpResponse<String> response = this.http.get("/call/html");
		assertThat(receivedRequestIds).containsExactly(response.headers().firstValue("Request-Id").orElseThrow());
	}

	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	// Without a tracer (Spring Boot then registers the no-op one), so that the request id
	// travels; with one, the trace context does (TracedServicesIntegrationTests).
	@SpringBootConfiguration
	@EnableAutoConfiguration(excludeName = "org.springframework.boot.micrometer.tracing.opentelemetry."
			+ "autoconfigure.OpenTelemetryTracingAutoConfiguration")
	@Import(CallingController.class)
	static class App {

	}

	@RestController
	static class CallingController {

		private final WebClient client;

		private final WebClient impatient;

		CallingController(WebClient.Builder builder) {
			this.client = builder.clone().baseUrl("http://127.0.0.1:" + downstream.getAddress().getPort()).build();
			this.impatient = builder.clone()
				.baseUrl("http://127.0.0.1:" + downstream.getAddress().getPort())
				.clientConnector(new ReactorClientHttpConnector(HttpClient.create()
					.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
					.responseTimeout(Duration.ofMillis(200))))
				.build();
		}

		@GetMapping("/call/closed")
		Mono<String> closed() throws IOException {
			return this.client.get().uri("http://127.0.0.1:" + closedPort() + "/x").retrieve().bodyToMono(String.class);
		}

		@GetMapping("/call/slow-reactor-timeout")
		Mono<String> slowReactorTimeout() {
			return this.client.get().uri("/slow").retrieve().bodyToMono(String.class).timeout(Duration.ofMillis(200));
		}

		@GetMapping("/call/slow-response-timeout")
		Mono<String> slowResponseTimeout() {
			return this.impatient.get().uri("/slow").retrieve().bodyToMono(String.class);
		}

		@GetMapping("/call/envelope/{code}")
		Mono<String> envelope(@PathVariable String code) {
			return this.client.get().uri("/envelope/" + code).retrieve().bodyToMono(String.class);
		}

		@GetMapping("/call/busy")
		Mono<String> busy() {
			return this.client.get().uri("/busy").retrieve().bodyToMono(String.class);
		}

		@GetMapping("/call/html")
		Mono<String> html() {
			return this.client.get().uri("/html").retrieve().bodyToMono(String.class);
		}

	}

}
