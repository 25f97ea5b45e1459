package com.augno.errors.spring.client.loopback;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.augno.errors.ErrorType;
import com.augno.errors.spring.client.DownstreamErrorException;
import com.augno.errors.spring.client.DownstreamRetryPolicy;
import com.augno.errors.test.AugnoErrors;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two real services over loopback, each with the starter: service A calls service B with
 * a {@code RestClient} from Spring Boot's builder, which raises typed downstream errors
 * ({@code augno.errors.client.raise-downstream-errors=true}). B's envelopes reach A's
 * code as {@link DownstreamErrorException}, A answers by its pass-through policy, A's
 * request id reaches B's log lines, retries honour {@code Retry-After}, and hostile
 * bodies from a raw HTTP server stay bounded and out of messages and logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwoServicesIntegrationTests {

	private static final String SECRET = "ledger-secret-downstream-body";

	private static ConfigurableApplicationContext serviceB;

	private static ConfigurableApplicationContext serviceA;

	private static HttpServer hostile;

	private static ExecutorService hostileThreads;

	private static String serviceBUrl = "";

	private static RestTestClient clientOfA;

	@BeforeAll
	static void startServices() throws IOException {
		serviceB = LoopbackServices.start(new Class<?>[] { ServiceB.class, WithoutTracer.class },
				"augno.errors.request-id.trusted-header=Request-Id", "augno.errors.logging.invalid-request-error=info");
		serviceBUrl = LoopbackServices.url(serviceB);
		serviceA = LoopbackServices.start(new Class<?>[] { ServiceA.class, WithoutTracer.class },
				"downstream.url=" + serviceBUrl, "augno.errors.client.pass-through-codes=resource_not_found",
				"augno.errors.client.raise-downstream-errors=true", "augno.errors.logging.invalid-request-error=info");
		clientOfA = LoopbackServices.client(serviceA);
		hostile = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		hostile.createContext("/html",
				(exchange) -> respond(exchange, 502, "text/html",
						("<html><body><h1>502 Bad Gateway</h1><p>" + SECRET + "</p></body></html>")
							.getBytes(StandardCharsets.UTF_8)));
		hostile.createContext("/empty", (exchange) -> respond(exchange, 502, null, new byte[0]));
		hostile.createContext("/truncated", (exchange) -> respond(exchange, 409, "application/json",
				("{\"error\":{\"code\":\"resource_exists\",\"message\":\"" + SECRET).getBytes(StandardCharsets.UTF_8)));
		hostile.createContext("/utf8", (exchange) -> {
			byte[] body = ("{\"error\":{\"code\":\"resource_not_found\",\"message\":\"" + SECRET + "#\"}}")
				.getBytes(StandardCharsets.UTF_8);
			body[body.length - 4] = (byte) 0xC3; // a lead byte followed by '"', never
													// valid UTF-8
			respond(exchange, 404, "application/json", body);
		});
		hostile.createContext("/bomb",
				(exchange) -> respond(exchange, 500, "application/json",
						("{\"error\":{\"code\":\"internal_error\",\"message\":\"" + SECRET + "\",\"param\":"
								+ "[".repeat(60_000))
							.getBytes(StandardCharsets.UTF_8)));
		hostile.createContext("/huge", TwoServicesIntegrationTests::respondHuge);
		hostile.createContext("/endless", TwoServicesIntegrationTests::respondEndless);
		hostileThreads = Executors.newCachedThreadPool();
		hostile.setExecutor(hostileThreads);
		hostile.start();
	}

	@AfterAll
	static void stopServices() {
		if (hostile != null) {
			hostile.stop(0);
			hostileThreads.shutdownNow();
		}
		if (serviceA != null) {
			serviceA.close();
		}
		if (serviceB != null) {
			serviceB.close();
		}
	}

	@BeforeEach
	void resetCounters() {
		endpointsOfB().reset();
	}

	@Test
	void envelopesOfServiceBReachTheCodeOfServiceAAsTheTypedException() {
		RestClient client = clientOfA(serviceBUrl);
		DownstreamErrorException notFound = call(
				() -> client.get().uri("/terms/missing").retrieve().body(String.class));
		assertThat(notFound.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(404));
		assertThat(notFound.code()).isEqualTo("resource_not_found");
		assertThat(notFound.type()).isEqualTo(ErrorType.INVALID_REQUEST_ERROR);
		assertThat(notFound.errorMessage()).isEqualTo("Shipping term not found.");
		assertThat(notFound.param()).isEqualTo("id");
		assertThat(notFound.isTransient()).isFalse();
		assertThat(notFound.isEnvelope()).isTrue();
		assertThat(notFound.downstreamRequestId()).isNotBlank();
		assertThat(notFound.getResponseHeaders().getFirst("Request-Id")).isEqualTo(notFound.downstreamRequestId());

		DownstreamErrorException conflict = call(() -> client.post().uri("/terms").retrieve().body(String.class));
		assertThat(conflict.getStatusCode().value()).isEqualTo(409);
		assertThat(conflict.code()).isEqualTo("resource_exists");

		DownstreamErrorException throttled = call(() -> client.get().uri("/throttled").retrieve().body(String.class));
		assertThat(throttled.getStatusCode().value()).isEqualTo(429);
		assertThat(throttled.code()).isEqualTo("rate_limit_exceeded");
		assertThat(throttled.isTransient()).isTrue();
		assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(1));

		DownstreamErrorException busy = call(() -> client.get().uri("/busy").retrieve().body(String.class));
		assertThat(busy.getStatusCode().value()).isEqualTo(503);
		assertThat(busy.code()).isEqualTo("service_unavailable");
		assertThat(busy.type()).isEqualTo(ErrorType.API_ERROR);
		assertThat(busy.isTransient()).isTrue();
	}

	@Test
	void httpInterfaceClientOnTheBootBuilderRaisesTheTypedException() {
		TermsClient terms = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(clientOfA(serviceBUrl)))
			.build()
			.createClient(TermsClient.class);
		assertThat(terms.term("t1")).isEqualTo("net 30");
		DownstreamErrorException notFound = call(() -> terms.term("missing"));
		assertThat(notFound.code()).isEqualTo("resource_not_found");
		assertThat(notFound.errorMessage()).isEqualTo("Shipping term not found.");
	}

	@Test
	void passedThroughCodeBecomesTheAnswerOfServiceAWithItsOwnRequestId(CapturedOutput output) {
		String requestIdOfA = AugnoErrors.assertThat(clientOfA.get().uri("/a/terms/missing").exchange())
			.isAugnoError("resource_not_found")
			.hasMessage("Shipping term not found.")
			.hasNoParam()
			.requestId();
		// Without a tracer the request id of A travels in its own header, and nothing
		// else.
		assertThat(endpointsOfB().termRequests).singleElement().satisfies((headers) -> {
			assertThat(headers.getFirst("Request-Id")).isEqualTo(requestIdOfA);
			assertThat(headers.containsHeader("traceparent")).isFalse();
		});
		// Service B logged its answer under the request id of A, which it trusts.
		assertThat(LoopbackServices.logLines(output, "404 resource_not_found for GET /terms/missing"))
			.anySatisfy((line) -> assertThat(line).contains("(request_id=" + requestIdOfA + ")"));
		// Service A logged its answer with the downstream's request id beside its own.
		assertThat(LoopbackServices.logLines(output, "404 resource_not_found for GET /a/terms/missing"))
			.anySatisfy((line) -> assertThat(line).contains("(request_id=" + requestIdOfA + ")")
				.contains("downstream_request_id=" + requestIdOfA));
	}

	@Test
	void codeNotPassedThroughIsAnExternalServiceError() {
		String error = AugnoErrors.assertThat(clientOfA.post().uri("/a/terms").exchange())
			.isAugnoError("external_service_error")
			.hasStatus(502)
			.error()
			.toString();
		assertThat(error).doesNotContain("resource_exists").doesNotContain("already exists");
	}

	@Test
	void clientThatPassesConflictsThroughAnswersWithTheDownstreamCode() {
		AugnoErrors.assertThat(clientOfA.post().uri("/a/terms-passing-conflicts").exchange())
			.isAugnoError("resource_exists")
			.hasMessage("A shipping term with this name already exists.");
	}

	@Test
	void transientDownstreamFailuresAreServiceUnavailable() {
		AugnoErrors
			.assertThat(clientOfA.get().uri("/a/throttled").exchange().expectHeader().valueEquals("Retry-After", "1"))
			.isAugnoError("service_unavailable")
			.isTransient();
		String busy = AugnoErrors.assertThat(clientOfA.get().uri("/a/busy").exchange())
			.isAugnoError("service_unavailable")
			.error()
			.toString();
		assertThat(busy).doesNotContain("db-7");
	}

	@Test
	void transientFailuresAreRetriedAfterTheirRetryAfter() {
		clientOfA.get()
			.uri("/a/flaky")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("recovered");
		List<Long> arrivals = endpointsOfB().flakyArrivals;
		assertThat(arrivals).hasSize(3);
		for (int i = 1; i < arrivals.size(); i++) {
			Duration wait = Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 1));
			assertThat(wait).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(10));
		}
	}

	@Test
	void nonTransientErrorIsNotRetried() {
		RetryTemplate retry = serviceA.getBean(DownstreamRetryPolicy.class).retryTemplate();
		RestClient client = clientOfA(serviceBUrl);
		assertThatExceptionOfType(DownstreamErrorException.class)
			.isThrownBy(() -> retry.invoke(() -> client.get().uri("/invalid").retrieve().body(String.class)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("parameter_invalid"));
		assertThat(endpointsOfB().invalidCalls).hasValue(1);
	}

	@Test
	void postIsRetriedOnlyWithAnIdempotencyKey() {
		RetryTemplate retry = serviceA.getBean(DownstreamRetryPolicy.class).retryTemplate();
		RestClient client = clientOfA(serviceBUrl);
		assertThatExceptionOfType(DownstreamErrorException.class)
			.isThrownBy(() -> retry.invoke(() -> client.post().uri("/orders").retrieve().body(String.class)));
		assertThat(endpointsOfB().orderCalls).hasValue(1);
		assertThatExceptionOfType(DownstreamErrorException.class).isThrownBy(() -> retry.invoke(() -> client.post()
			.uri("/orders")
			.header("Idempotency-Key", "order-42")
			.retrieve()
			.body(String.class)));
		assertThat(endpointsOfB().orderCalls).hasValue(1 + 3);
	}

	@ParameterizedTest
	@CsvSource({ "/html, 502, external_service_error", "/empty, 502, external_service_error",
			"/truncated, 409, resource_conflict", "/utf8, 404, resource_not_found", "/bomb, 500, internal_error",
			"/huge, 502, external_service_error", "/endless, 502, external_service_error" })
	void hostileBodyGivesTheCodeOfItsStatusQuicklyAndNeverLeaks(String path, int status, String code,
			CapturedOutput output) {
		RestClient client = clientOfA("http://127.0.0.1:" + hostile.getAddress().getPort());
		long start = System.nanoTime();
		DownstreamErrorException ex = call(() -> client.get().uri(path).retrieve().body(String.class));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(ex.getStatusCode().value()).isEqualTo(status);
		assertThat(ex.code()).isEqualTo(code);
		assertThat(ex.isEnvelope()).isFalse();
		assertThat(ex.errorMessage()).isNull();
		assertThat(ex.getMessage()).doesNotContain(SECRET);
		assertThat(ex.getResponseBodyAsString()).isEmpty();
		assertThat(output).doesNotContain(SECRET);
	}

	/**
	 * Leaves the services without a tracer: Spring Boot then registers Micrometer's no-op
	 * tracer, which propagates nothing, so the request id must travel.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(excludeName = "org.springframework.boot.micrometer.tracing.opentelemetry."
			+ "autoconfigure.OpenTelemetryTracingAutoConfiguration")
	static class WithoutTracer {

	}

	interface TermsClient {

		@GetExchange("/terms/{id}")
		String term(@PathVariable String id);

	}

	private static DownstreamErrorException call(Runnable call) {
		try {
			call.run();
		}
		catch (DownstreamErrorException ex) {
			return ex;
		}
		throw new AssertionError("Expected a DownstreamErrorException");
	}

	private static RestClient clientOfA(String baseUrl) {
		return serviceA.getBean(RestClient.Builder.class).baseUrl(baseUrl).build();
	}

	private static ServiceB.Endpoints endpointsOfB() {
		return serviceB.getBean(ServiceB.Endpoints.class);
	}

	private static void respond(HttpExchange exchange, int status, @Nullable String contentType, byte[] body)
			throws IOException {
		if (contentType != null) {
			exchange.getResponseHeaders().set("Content-Type", contentType);
		}
		exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/**
	 * Ten megabytes that start like an envelope, with their length announced.
	 */
	private static void respondHuge(HttpExchange exchange) throws IOException {
		stream(exchange, 10L * 1024 * 1024);
	}

	/**
	 * A gigabyte in chunks, more than any client could buffer or drain in the test's
	 * time.
	 */
	private static void respondEndless(HttpExchange exchange) throws IOException {
		stream(exchange, 0);
	}

	private static void stream(HttpExchange exchange, long length) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(502, length);
		byte[] head = "{\"error\":{\"code\":\"internal_error\",\"message\":\"".getBytes(StandardCharsets.US_ASCII);
		byte[] chunk = (SECRET + " ").repeat(1024).getBytes(StandardCharsets.US_ASCII);
		long total = (length > 0) ? length : 1024L * 1024 * 1024;
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(head);
			long written = head.length;
			while (written < total) {
				int n = (int) Math.min(chunk.length, total - written);
				out.write(chunk, 0, n);
				written += n;
			}
		}
		catch (IOException ex) {
			// The client read what it wanted and closed the connection.
		}
		finally {
			exchange.close();
		}
	}

}
