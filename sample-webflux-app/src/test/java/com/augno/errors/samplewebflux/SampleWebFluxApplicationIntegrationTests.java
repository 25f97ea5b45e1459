package com.augno.errors.samplewebflux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.augno.errors.test.AugnoErrors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's failure table on the WebFlux sample, over Reactor Netty, on a class path
 * with neither the servlet API nor Spring MVC: each row's status, code, message,
 * {@code param} and headers, and the log each leaves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SampleWebFluxApplicationIntegrationTests {

	private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

	private static final Pattern INTERNAL_ERROR_LOG = Pattern
		.compile("500 internal_error for GET /v1/orders/1/invoice \\(request_id=(rq_\\w+)\\)");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void theApplicationIsReactiveWithoutTheServletApiOrSpringMvc(@Autowired ApplicationContext context) {
		assertThat(context).isInstanceOf(ReactiveWebServerApplicationContext.class);
		ClassLoader classLoader = getClass().getClassLoader();
		assertThat(ClassUtils.isPresent("jakarta.servlet.Servlet", classLoader)).isFalse();
		assertThat(ClassUtils.isPresent("org.springframework.web.servlet.DispatcherServlet", classLoader)).isFalse();
	}

	static Stream<Row> failureTable() {
		return Stream.of(
				new Row("unknown URL", "GET", "/v1/nothing-here", Map.of(), null, 404, "resource_not_found", null,
						"Unrecognized request URL: GET /v1/nothing-here.", Map.of()),
				new Row("unknown URL, POST", "POST", "/v1/nothing-here", JSON, "{}", 404, "resource_not_found", null,
						"Unrecognized request URL: POST /v1/nothing-here.", Map.of()),
				new Row("wrong method", "DELETE", "/v1/orders/1", Map.of(), null, 405, "method_not_allowed", null,
						"Method not allowed.", Map.of("Allow", "GET")),
				new Row("not acceptable", "GET", "/v1/orders/1", Map.of("Accept", "application/xml"), null, 406,
						"not_acceptable", null, "The requested media type is not available for this resource.",
						Map.of()),
				new Row("unsupported media type", "POST", "/v1/orders", Map.of("Content-Type", "text/plain"), "hi", 415,
						"unsupported_media_type", null, "The request's content type is not supported.",
						Map.of("Accept", "application/json")),
				new Row("malformed JSON", "POST", "/v1/orders", JSON, "{\"customer_email\":", 400, "validation_failed",
						null, "The request body is not valid JSON.", Map.of()),
				new Row("wrong JSON type, nested", "POST", "/v1/orders", JSON,
						"{\"customer_email\":\"ada@example.com\",\"lines\":[{\"sku\":\"sku_lamp\",\"quantity\":\"many\"}]}",
						400, "invalid_format", "lines[0].quantity", "Quantity must be an integer.", Map.of()),
				new Row("@Valid body, missing field", "POST", "/v1/orders", JSON,
						"{\"lines\":[{\"sku\":\"sku_lamp\",\"quantity\":1}]}", 400, "missing_field", "customer_email",
						null, Map.of()),
				new Row("@Valid body, invalid field", "POST", "/v1/orders", JSON,
						"{\"customer_email\":\"nope\",\"lines\":[{\"sku\":\"sku_lamp\",\"quantity\":1}]}", 400,
						"invalid_format", "customer_email", "Customer email must be a valid email address.", Map.of()),
				new Row("missing parameter", "GET", "/v1/orders", Map.of(), null, 400, "parameter_missing", "status",
						"Status is required.", Map.of()),
				new Row("invalid parameter", "GET", "/v1/orders?status=open&limit=abc", Map.of(), null, 400,
						"parameter_invalid", "limit", "Limit must be an integer.", Map.of()),
				new Row("method validation", "GET", "/v1/orders?status=open&limit=0", Map.of(), null, 400,
						"parameter_invalid", "limit", "Limit must be at least 1.", Map.of()),
				new Row("invalid path variable", "GET", "/v1/orders/abc", Map.of(), null, 400, "parameter_invalid",
						"id", "ID must be an integer.", Map.of()),
				new Row("ResponseStatusException", "POST", "/v1/orders/2/cancel", Map.of(), null, 409,
						"resource_conflict", null, "The order is already cancelled.", Map.of()),
				new Row("AugnoException in a Mono chain", "GET", "/v1/orders/7", Map.of(), null, 404,
						"resource_not_found", "id", "No order found with that ID.", Map.of()),
				new Row("AugnoException from a WebFilter", "GET", "/v1/orders/1",
						Map.of("Augno-Account", "acct_past_due"), null, 402, "payment_required", null,
						"Your subscription is past due. Please update your payment method to continue.", Map.of()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failureTable")
	void everyRowOfTheFailureTableIsAnswered(Row row, CapturedOutput output) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(row.path()))
			.method(row.method(), (row.body() != null) ? HttpRequest.BodyPublishers.ofString(row.body())
					: HttpRequest.BodyPublishers.noBody());
		row.headers().forEach(request::header);
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		var envelope = AugnoErrors.assertThat(response)
			.hasStatus(row.status())
			.isAugnoError(row.code())
			.hasParam(row.param());
		if (row.message() != null) {
			envelope.hasMessage(row.message());
		}
		row.responseHeaders()
			.forEach((name, value) -> assertThat(response.headers().allValues(name)).as(name).containsExactly(value));
		String requestId = envelope.requestId();
		assertThat(output).doesNotContain(" ERROR ").doesNotContain("Exception");
		assertThat(output.getOut().lines().filter((line) -> line.contains(requestId))).isEmpty();
	}

	@Test
	void aCrashInAMonoIsAnInternalErrorLoggedOnceWithItsRequestId(CapturedOutput output) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/orders/1/invoice")));
		String requestId = AugnoErrors.assertThat(response)
			.hasStatus(500)
			.isAugnoError("internal_error")
			.hasMessage("Something went wrong.")
			.requestId();
		assertThat(response.body()).doesNotContain("invoice template");
		Matcher logged = INTERNAL_ERROR_LOG.matcher(output.getOut());
		assertThat(logged.find()).as("the crash is logged").isTrue();
		assertThat(logged.group(1)).isEqualTo(requestId);
		assertThat(logged.find()).as("the crash is logged once").isFalse();
		assertThat(output.getOut()).contains("java.lang.IllegalStateException: No invoice template for order 1")
			.doesNotContain("500 Server Error");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	record Row(String name, String method, String path, Map<String, String> headers, @Nullable String body, int status,
			String code, @Nullable String param, @Nullable String message, Map<String, String> responseHeaders) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
