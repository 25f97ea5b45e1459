package com.augno.errors.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every entry point reads status, headers and body of its kind of response, so that the
 * whole check runs on each, and fails on each where the response is wrong.
 */
class AugnoErrorsTests {

	private static final String BODY = """
			{"error":{"code":"resource_not_found","type":"invalid_request_error",\
			"message":"Shipping term not found.","param":"id",\
			"doc_url":"https://docs.augno.com/api/errors#resource_not_found","is_transient":false,"quota":null,\
			"request_log_url":"https://augno.com/dashboard/request-logs/rq_1"}}""";

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.getResponseHeaders().set("Cache-Control", "no-store");
			exchange.getResponseHeaders()
				.set("Request-Id", exchange.getRequestURI().getPath().equals("/wrong") ? "rq_2" : "rq_1");
			exchange.sendResponseHeaders(404, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void readsAMockMvcTesterResult() {
		MockMvcTester mvc = MockMvcTester.of(new EnvelopeController());
		AugnoErrors.assertThat(mvc.get().uri("/v1/terms/st_nope").exchange())
			.isAugnoError("resource_not_found")
			.hasParam("id")
			.hasRequestId("rq_1");
		AugnoErrors.assertThat(mvc.get().uri("/v1/terms/st_nope")).isAugnoError("resource_not_found");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> AugnoErrors.assertThat(mvc.get().uri("/v1/wrong-status")).isAugnoError())
			.withMessageContaining("Expecting HTTP status of resource_not_found to be:\n  404\nbut was:\n  200");
	}

	@Test
	void readsAnExceptionMockMvcCouldNotResolve() {
		MockMvcTester mvc = MockMvcTester.of(new EnvelopeController());
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> AugnoErrors.assertThat(mvc.get().uri("/v1/crash")).isAugnoError())
			.withMessageContaining("the request ended with an exception no handler resolved")
			.withMessageContaining("unresolved");
	}

	@Test
	void convertsAMockMvcTesterBodyThroughTheFactory() {
		MockMvcTester mvc = MockMvcTester.of(new EnvelopeController())
			.withHttpMessageConverters(List.of(new JacksonJsonHttpMessageConverter()));
		assertThat(mvc.get().uri("/v1/terms/st_nope")).hasStatus(404)
			.bodyJson()
			.convertTo(AugnoErrors.factory())
			.isAugnoError("resource_not_found")
			.hasParam("id");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(mvc.get().uri("/v1/terms/st_nope")).bodyJson()
				.convertTo(AugnoErrors.factory())
				.isAugnoError("resource_gone"))
			.withMessageContaining("Expecting code to be:");
	}

	@Test
	void readsARestTestClientResponse() {
		RestTestClient client = RestTestClient.bindToController(new EnvelopeController()).build();
		AugnoErrors.assertThat(client.get().uri("/v1/terms/st_nope").exchange())
			.isAugnoError("resource_not_found")
			.hasRequestId("rq_1");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> AugnoErrors.assertThat(client.get().uri("/v1/wrong-status").exchange()).isAugnoError())
			.withMessageContaining("Expecting HTTP status of resource_not_found to be:");
	}

	@Test
	void readsAWebTestClientResponse() {
		WebTestClient client = WebTestClient.bindToController(new EnvelopeController()).build();
		AugnoErrors.assertThat(client.get().uri("/v1/terms/st_nope").exchange())
			.isAugnoError("resource_not_found")
			.hasRequestId("rq_1");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> AugnoErrors.assertThat(client.get().uri("/v1/wrong-status").exchange()).isAugnoError())
			.withMessageContaining("Expecting HTTP status of resource_not_found to be:");
	}

	@Test
	void readsAResponseEntity() {
		AugnoErrors.assertThat(entity("/v1/terms/st_nope")).isAugnoError("resource_not_found").hasContentLength();
		ResponseEntity<String> wrong = entity("/wrong");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> AugnoErrors.assertThat(wrong).isAugnoError("resource_not_found"))
			.withMessageContaining("request_log_url (the link of the Request-Id header)");
	}

	@Test
	void readsAJdkHttpResponse() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		URI base = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/v1/terms/st_nope")).build(),
				HttpResponse.BodyHandlers.ofString());
		AugnoErrors.assertThat(response).isAugnoError("resource_not_found").hasContentLength().hasRequestId("rq_1");
		HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(base.resolve("/wrong")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> AugnoErrors.assertThat(wrong).isAugnoError("resource_not_found"))
			.withMessageContaining("request_log_url (the link of the Request-Id header)");
	}

	private ResponseEntity<String> entity(String path) {
		return RestClient.create("http://127.0.0.1:" + this.server.getAddress().getPort())
			.get()
			.uri(path)
			.retrieve()
			.onStatus((status) -> true, (request, ignored) -> {
			})
			.toEntity(String.class);
	}

	@RestController
	static class EnvelopeController {

		@GetMapping("/v1/terms/st_nope")
		ResponseEntity<String> notFound() {
			return envelope(404);
		}

		@GetMapping("/v1/wrong-status")
		ResponseEntity<String> wrongStatus() {
			return envelope(200);
		}

		@GetMapping("/v1/crash")
		String crash() {
			throw new IllegalStateException("unresolved");
		}

		private static ResponseEntity<String> envelope(int status) {
			return ResponseEntity.status(status)
				.header("Content-Type", "application/json")
				.header("Cache-Control", "no-store")
				.header("Request-Id", "rq_1")
				.body(BODY);
		}

	}

}
