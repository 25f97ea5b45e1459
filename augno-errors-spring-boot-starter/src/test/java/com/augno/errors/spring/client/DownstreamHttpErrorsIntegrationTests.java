package com.augno.errors.spring.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.spring.test.ResponseBodies;
import com.augno.errors.test.AugnoErrors;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The downstream call rows over a real Tomcat: the controllers call a real HTTP server on
 * 127.0.0.1 with {@code RestClient}, {@code RestTemplate} and an HTTP interface client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
class DownstreamHttpErrorsIntegrationTests {

	private static final String SECRET_BODY = "ledger-secret-downstream-body";

	private static HttpServer downstream;

	private static ExecutorService downstreamThreads;

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@BeforeAll
	static void startDownstream() throws IOException {
		downstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		downstream.createContext("/fail", (exchange) -> respond(exchange, 500, null));
		downstream.createContext("/busy", (exchange) -> respond(exchange, 503, "7"));
		downstream.createContext("/throttled", (exchange) -> respond(exchange, 429, "3"));
		downstream.createContext("/rejected", (exchange) -> respond(exchange, 400, null));
		downstream.createContext("/slow", (exchange) -> {
			try {
				Thread.sleep(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			respond(exchange, 200, null);
		});
		downstreamThreads = Executors.newCachedThreadPool();
		downstream.setExecutor(downstreamThreads);
		downstream.start();
	}

	@AfterAll
	static void stopDownstream() {
		downstream.stop(0);
		downstreamThreads.shutdownNow();
	}

	@DynamicPropertySource
	static void downstreamUrls(DynamicPropertyRegistry registry) {
		registry.add("downstream.url", () -> "http://127.0.0.1:" + downstream.getAddress().getPort());
		registry.add("downstream.closed-url", () -> "http://127.0.0.1:" + closedPort());
	}

	@Test
	void downstreamServerErrorIsExternalServiceError() throws Exception {
		HttpResponse<String> response = this.http.get("/call/fail");
		assertThat(response.headers().firstValue("Retry-After")).isEmpty();
		assertError(response, "external_service_error", "A downstream provider returned an error.");
	}

	@Test
	void downstreamServerErrorThroughAnHttpInterfaceIsExternalServiceError() throws Exception {
		HttpResponse<String> response = this.http.get("/call/interface-fail");
		assertError(response, "external_service_error", "A downstream provider returned an error.");
	}

	@Test
	void downstreamClientErrorIsExternalServiceError() throws Exception {
		HttpResponse<String> response = this.http.get("/call/rejected");
		assertError(response, "external_service_error", "A downstream provider returned an error.");
	}

	@Test
	void downstreamUnavailableIsServiceUnavailableWithItsRetryAfter() throws Exception {
		HttpResponse<String> response = this.http.get("/call/busy");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
		assertError(response, "service_unavailable", "The service is temporarily unavailable. Please try again later.");
	}

	@Test
	void downstreamRateLimitIsServiceUnavailableWithItsRetryAfter() throws Exception {
		HttpResponse<String> response = this.http.get("/call/throttled");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
		assertError(response, "service_unavailable", "The service is temporarily unavailable. Please try again later.");
	}

	@Test
	void restClientReadTimeoutIsTimeout() throws Exception {
		HttpResponse<String> response = this.http.get("/call/slow");
		assertError(response, "timeout", "The operation timed out.");
	}

	@Test
	void restTemplateReadTimeoutIsTimeout() throws Exception {
		HttpResponse<String> response = this.http.get("/call/template-slow");
		assertError(response, "timeout", "The operation timed out.");
	}

	@Test
	void refusedConnectionIsConnectionError() throws Exception {
		HttpResponse<String> response = this.http.get("/call/refused");
		assertError(response, "connection_error", "Could not connect to a downstream service.");
	}

	@Test
	void refusedConnectionThroughRestTemplateIsConnectionError() throws Exception {
		HttpResponse<String> response = this.http.get("/call/template-refused");
		assertError(response, "connection_error", "Could not connect to a downstream service.");
	}

	@Test
	void unknownHostIsConnectionError() throws Exception {
		HttpResponse<String> response = this.http.get("/call/unknown-host");
		assertError(response, "connection_error", "Could not connect to a downstream service.");
	}

	private static void assertError(HttpResponse<String> response, String code, String message) {
		AugnoErrors.assertThat(response).isAugnoError(code).hasMessage(message).hasNoParam();
		assertNoDownstreamDetails(response.body());
	}

	private static void assertNoDownstreamDetails(String body) {
		assertThat(ResponseBodies.withoutRequestLogUrl(body)).doesNotContain("127.0.0.1",
				":" + downstream.getAddress().getPort(), "localhost", "invalid", "ledger", SECRET_BODY, "/fail",
				"/busy", "/slow", "GET", "Gateway", "Too Many");
	}

	private static void respond(HttpExchange exchange, int status, @Nullable String retryAfter) throws IOException {
		byte[] body = SECRET_BODY.getBytes(StandardCharsets.UTF_8);
		if (retryAfter != null) {
			exchange.getResponseHeaders().set("Retry-After", retryAfter);
		}
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(CallingController.class)
	static class TestApplication {

	}

	interface Downstream {

		@GetExchange("/fail")
		String fail();

	}

	@RestController
	static class CallingController {

		private static final Duration READ_TIMEOUT = Duration.ofMillis(300);

		private final String url;

		private final String closedUrl;

		private final RestClient restClient;

		private final RestTemplate restTemplate;

		CallingController(@Value("${downstream.url}") String url, @Value("${downstream.closed-url}") String closedUrl) {
			this.url = url;
			this.closedUrl = closedUrl;
			JdkClientHttpRequestFactory jdk = new JdkClientHttpRequestFactory();
			jdk.setReadTimeout(READ_TIMEOUT);
			this.restClient = RestClient.builder().requestFactory(jdk).build();
			SimpleClientHttpRequestFactory simple = new SimpleClientHttpRequestFactory();
			simple.setReadTimeout(READ_TIMEOUT);
			simple.setConnectTimeout(Duration.ofSeconds(2));
			this.restTemplate = new RestTemplate(simple);
		}

		@GetMapping("/call/{path:fail|busy|throttled|rejected|slow}")
		String call(@PathVariable String path) {
			return this.restClient.get().uri(this.url + "/" + path).retrieve().body(String.class);
		}

		@GetMapping("/call/interface-fail")
		String interfaceFail() {
			RestClient client = this.restClient.mutate().baseUrl(this.url).build();
			return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
				.build()
				.createClient(Downstream.class)
				.fail();
		}

		@GetMapping("/call/template-slow")
		String templateSlow() {
			return this.restTemplate.getForObject(this.url + "/slow", String.class);
		}

		@GetMapping("/call/refused")
		String refused() {
			return this.restClient.get().uri(this.closedUrl + "/fail").retrieve().body(String.class);
		}

		@GetMapping("/call/template-refused")
		String templateRefused() {
			return this.restTemplate.getForObject(this.closedUrl + "/fail", String.class);
		}

		@GetMapping("/call/unknown-host")
		String unknownHost() {
			return this.restClient.get().uri("http://ledger.downstream.invalid/fail").retrieve().body(String.class);
		}

	}

}
