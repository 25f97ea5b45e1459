package com.augno.errors.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorType;
import com.augno.errors.spring.test.AccessLog;
import com.augno.errors.test.AugnoErrorAssert;
import com.augno.errors.test.AugnoErrors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code of the Augno contract, provoked through the sample with real HTTP requests
 * over a real port, asserting status, headers and the whole envelope; then, last, that
 * the published OpenAPI document declares every code these requests were answered with on
 * the operation that answered it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleApplicationIntegrationTests {

	private static final AccessLog ACCESS_LOG = new AccessLog();

	private static final ProvokedErrors PROVOKED = new ProvokedErrors();

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String JSON = "application/json";

	private static final String KEY = "Bearer sk_test_live";

	private static final String VERSION = "2025-06-01";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void accessLogDirectory(DynamicPropertyRegistry registry) {
		ACCESS_LOG.register(registry);
	}

	static Stream<Scenario> scenarios() {
		return Stream.of(
				Scenario.of("GET /v1/catalog/items?limit=-25", 400, ErrorCodes.PARAMETER_INVALID,
						"Limit must be greater than zero.", "limit"),
				Scenario.of("GET /v1/catalog/items?cursor=item_3&page=2", 400, ErrorCodes.PARAMETERS_EXCLUSIVE,
						"The cursor and page parameters cannot be used together.", "page"),
				Scenario.of("GET /v1/catalog/items?skip=10", 400, ErrorCodes.PARAMETER_UNKNOWN,
						"Unknown parameter: skip.", "skip"),
				Scenario.of("GET /v1/catalog/items/item_404", 404, ErrorCodes.RESOURCE_NOT_FOUND,
						"No item found with that ID.", null),
				Scenario.of("PATCH /v1/catalog/items/item_gone",
						"{\"name\":\"Lamp\",\"price_cents\":1200,\"version\":2}", 410, ErrorCodes.RESOURCE_GONE,
						"This product has already been deleted and can no longer be modified.", null),
				Scenario.of("PATCH /v1/catalog/items/item_7", "{\"name\":\"Lamp\",\"price_cents\":1200,\"version\":99}",
						409, ErrorCodes.RESOURCE_CONFLICT,
						"The item was changed by another request. Fetch it again and retry.", null),
				Scenario.of("POST /v1/catalog/items/item_7", 405, ErrorCodes.METHOD_NOT_ALLOWED, "Method not allowed.",
						null),
				Scenario.of("POST /v1/auth/users", "{\"email\":\"ann@example.com\",\"password\":\"correct-horse-1\"}",
						400, ErrorCodes.MISSING_FIELD, "Name is required.", "name"),
				Scenario.of("POST /v1/auth/users",
						"{\"name\":\"Ann\",\"email\":\"ann.example.com\",\"password\":\"correct-horse-1\"}", 400,
						ErrorCodes.INVALID_FORMAT, "Email must be a valid email address.", "email"),
				Scenario.of("POST /v1/auth/users",
						"{\"name\":\"Ann\",\"email\":\"ann@example.com\",\"password\":\"correct-horse-1\","
								+ "\"display_name\":\"" + "x".repeat(41) + "\"}",
						400, ErrorCodes.VALIDATION_FAILED, "Display name must be at most 40 characters long.",
						"display_name"),
				Scenario
					.of("POST /v1/auth/users",
							"{\"name\":\"Ann\",\"email\":\"taken@example.com\",\"password\":\"correct-horse-1\"}", 409,
							ErrorCodes.RESOURCE_EXISTS, "A user with this email already exists.", null)
					.withDocUrl("https://docs.augno.com/api/errors#resource_conflict"),
				Scenario.of("POST /v1/auth/users",
						"{\"name\":\"Ann\",\"email\":\"new@example.com\",\"password\":\"correct-horse-1\","
								+ "\"plan\":\"enterprise_beta\"}",
						403, ErrorCodes.REGISTRATION_CLOSED, "Registration for this plan is currently closed.", null),
				Scenario.of("GET /v1/core/addresses/details", 400, ErrorCodes.PARAMETER_MISSING,
						"Address detail ID is required.", "id"),
				Scenario
					.of("GET /v1/catalog/items", 402, ErrorCodes.PAYMENT_REQUIRED,
							"Your subscription is past due. Please update your payment method to continue.", null)
					.withHeader("Augno-Account", "acct_past_due"),
				Scenario
					.of("GET /v1/catalog/items", 401, ErrorCodes.EXPIRED_TOKEN,
							"Your session has expired. Please sign in again.", null)
					.withHeader("Authorization", "Bearer st_session_expired"),
				Scenario.of("GET /v1/catalog/items", 401, ErrorCodes.API_KEY_EXPIRED, "The API key has expired.", null)
					.withHeader("Authorization", "Bearer sk_test_expired"),
				Scenario
					.of("GET /v1/catalog/items", 401, ErrorCodes.API_KEY_REVOKED, "The API key has been revoked.", null)
					.withHeader("Authorization", "Bearer sk_test_revoked"),
				Scenario
					.of("GET /v1/catalog/items", 401, ErrorCodes.INVALID_CREDENTIALS,
							"The provided credentials are incorrect.", null)
					.withHeader("Authorization", "Bearer sk_test_unknown"),
				Scenario.of("PATCH /v1/identity/account-users/au_1", "{\"role\":\"admin\"}", 403,
						ErrorCodes.INSUFFICIENT_PERMISSIONS, "You do not have permission to perform this action.", null)
					.withHeader("Authorization", "Bearer sk_test_readonly"),
				Scenario
					.of("GET /v1/catalog/items", 400, ErrorCodes.API_VERSION_REQUIRED,
							"The Augno-Version header is required. Please include a valid API version. "
									+ "The latest version is 2025-06-01.",
							null)
					.withHeader("Augno-Version", ""),
				Scenario.of("GET /v1/catalog/items", 400, ErrorCodes.API_VERSION_INVALID,
						"Invalid API version '2099-01-01'. Supported versions: [2024-06-01, 2025-01-01, 2025-06-01]",
						null)
					.withHeader("Augno-Version", "2099-01-01"),
				Scenario
					.of("GET /v1/catalog/items", 400, ErrorCodes.API_VERSION_TOO_OLD,
							"This endpoint requires API version 2024-06-01 or newer. You requested 2024-01-01.", null)
					.withHeader("Augno-Version", "2024-01-01"),
				Scenario
					.of("GET /v1/shipping/rates", 502, ErrorCodes.EXTERNAL_SERVICE_ERROR,
							"A downstream provider returned an error.", null)
					.withHeader("Sample-Provider-Mode", "error"),
				Scenario.of("GET /v1/shipping/rates", 504, ErrorCodes.TIMEOUT, "The operation timed out.", null)
					.withHeader("Sample-Provider-Mode", "slow"),
				Scenario
					.of("GET /v1/shipping/rates", 502, ErrorCodes.CONNECTION_ERROR,
							"Could not connect to a downstream service.", null)
					.withHeader("Sample-Provider-Mode", "refuse"),
				Scenario
					.of("GET /v1/shipping/rates", 503, ErrorCodes.SERVICE_UNAVAILABLE,
							"The service is temporarily unavailable. Please try again later.", null)
					.withHeader("Sample-Provider-Mode", "unavailable"),
				Scenario
					.of("GET /v1/shipping/rates", 404, ErrorCodes.RESOURCE_NOT_FOUND, "No rates for this route.", null)
					.withHeader("Sample-Provider-Mode", "no_route"),
				Scenario.of("GET /v1/ops/bug", 500, ErrorCodes.INTERNAL_ERROR, "Something went wrong.", null),
				Scenario.of("GET /v1/ops/reports/export", 408, ErrorCodes.REQUEST_TIMEOUT, "Request timed out.", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void answersWithTheDocumentedEnvelope(Scenario scenario) throws Exception {
		HttpResponse<String> response = send(scenario.request(this.port));
		assertEnvelope(response, scenario.status(), scenario.code(), scenario.message(), scenario.param(),
				scenario.docUrl());
	}

	@Test
	void theSixthSandboxExceedsThePlanLimitWithItsQuota() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(send(request("POST", "/v1/core/sandboxes", null).header("Augno-Account", "acct_quota"))
				.statusCode()).isEqualTo(201);
		}
		HttpResponse<String> response = send(
				request("POST", "/v1/core/sandboxes", null).header("Augno-Account", "acct_quota"));
		assertEnvelope(response, 403, ErrorCodes.LIMIT_EXCEEDED,
				"You have reached the maximum number of sandbox accounts for your plan.", null, null)
			.hasQuota(5, 5, null);
	}

	@Test
	void aConcurrentRetryWithTheSameIdempotencyKeyIsInProgress() throws Exception {
		CompletableFuture<HttpResponse<String>> first = this.http
			.sendAsync(request("POST", "/v1/core/sandboxes", null).header("Augno-Account", "acct_idem")
				.header("Idempotency-Key", "req_abc123")
				.header("Sample-Delay-Ms", "1500")
				.build(), HttpResponse.BodyHandlers.ofString());
		Thread.sleep(500);
		HttpResponse<String> second = send(
				request("POST", "/v1/core/sandboxes", null).header("Augno-Account", "acct_idem")
					.header("Idempotency-Key", "req_abc123"));
		AugnoErrors.assertThat(second)
			.isAugnoError("idempotency_in_progress")
			.hasMessage("Request for the idempotency key 'req_abc123' is already being processed.")
			.hasNoParam();
		assertThat(first.get().statusCode()).isEqualTo(201);
	}

	@Test
	void anIdempotencyKeyReusedWithOtherParametersIsAnIdempotencyError() throws Exception {
		assertThat(send(request("POST", "/v1/core/sandboxes", null).header("Augno-Account", "acct_reuse")
			.header("Idempotency-Key", "req_reused")).statusCode()).isEqualTo(201);
		HttpResponse<String> response = send(
				request("POST", "/v1/core/sandboxes", "{\"region\":\"eu\"}").header("Augno-Account", "acct_reuse")
					.header("Idempotency-Key", "req_reused"));
		AugnoErrors.assertThat(response)
			.isAugnoError("validation_failed", ErrorType.IDEMPOTENCY_ERROR)
			.hasMessage("Idempotency key 'req_reused' was used with different request parameters; use a new key.")
			.hasNoParam()
			.isNotTransient()
			.hasNoQuota();
	}

	@Test
	void tooManyRequestsForAKeyAreRateLimitedWithRetryAfter() throws Exception {
		for (int i = 0; i < 3; i++) {
			send(request("GET", "/v1/catalog/items", null).setHeader("Authorization", "Bearer sk_test_ratelimited"));
		}
		HttpResponse<String> response = send(
				request("GET", "/v1/catalog/items", null).setHeader("Authorization", "Bearer sk_test_ratelimited"));
		assertEnvelope(response, 429, ErrorCodes.RATE_LIMIT_EXCEEDED,
				"Too many requests. Please wait before trying again.", null, null);
		String retryAfter = response.headers().firstValue("Retry-After").orElseThrow();
		assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
		// The starter's limit, with the key's plan of 3 a minute (ApiKeyRateLimits).
		assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"api\";q=3;w=60");
		assertThat(response.headers().firstValue("RateLimit")).hasValue("\"api\";r=0;t=" + retryAfter);
	}

	@Test
	void aClientThatClosesTheStreamIsRecordedAs499WithoutAnError(CapturedOutput output) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout((int) WAIT.toMillis());
			socket.getOutputStream()
				.write(("GET /v1/ops/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + KEY
						+ "\r\nAugno-Version: " + VERSION + "\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			InputStream in = socket.getInputStream();
			byte[] start = new byte[12];
			assertThat(in.readNBytes(start, 0, start.length)).isEqualTo(start.length);
			assertThat(new String(start, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200");
			socket.setSoLinger(true, 0);
		}
		assertThat(ACCESS_LOG.awaitLine("GET /v1/ops/events ", WAIT)).isEqualTo("GET /v1/ops/events HTTP/1.1 499");
		assertThat(output.getAll().lines().filter((line) -> line.contains("/v1/ops/events")))
			.noneMatch((line) -> line.matches(".*\\b(WARN|ERROR)\\b.*"));
	}

	@Test
	void everyCodeOfTheContractIsProvokedByATest() {
		Set<String> covered = scenarios().map((scenario) -> scenario.code().code())
			.collect(Collectors.toCollection(TreeSet::new));
		covered.addAll(
				List.of("limit_exceeded", "idempotency_in_progress", "rate_limit_exceeded", "client_closed_request"));
		Set<String> contract = ErrorCodes.contract()
			.stream()
			.map(ErrorCode::code)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(covered).isEqualTo(contract);
	}

	private AugnoErrorAssert assertEnvelope(HttpResponse<String> response, int status, ErrorCode code, String message,
			@Nullable String param, @Nullable String docUrl) {
		if (status == 401) {
			assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		}
		if (status == 405) {
			assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(
					(allow) -> assertThat(allow.split(",\\s*")).containsExactlyInAnyOrder("GET", "PATCH", "DELETE"));
		}
		return AugnoErrors.assertThat(response)
			.isAugnoError(code.code(), code.type())
			.hasStatus(status)
			.hasMessage(message)
			.hasParam(param)
			.hasDocUrl((docUrl != null) ? docUrl : "https://docs.augno.com/api/errors#" + code.code());
	}

	/**
	 * Runs after every other test of the class, on the errors they provoked. gh-14
	 */
	@Test
	@Order(Integer.MAX_VALUE)
	void thePublishedOpenApiDocumentDeclaresEveryProvokedCodeOnItsOperation() throws Exception {
		List<ProvokedErrors.Provoked> provoked = PROVOKED.all();
		assertThat(provoked.stream().map(ProvokedErrors.Provoked::code).distinct())
			.as("codes provoked by the tests before this one; run the whole class")
			.hasSizeGreaterThanOrEqualTo(30);
		HttpResponse<String> response = send(request("GET", "/v3/api-docs", null));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		PublishedContract contract = PublishedContract.parse(response.body());
		List<String> undeclared = provoked.stream()
			.filter((error) -> !contract.declared(error.method(), error.path(), error.status()).contains(error.code()))
			.map(ProvokedErrors.Provoked::toString)
			.toList();
		assertThat(undeclared).as("provoked but not declared").isEmpty();
	}

	private HttpRequest.Builder request(String method, String path, @Nullable String json) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(WAIT)
			.header("Authorization", KEY)
			.header("Augno-Version", VERSION);
		if (json != null) {
			builder.header("Content-Type", JSON);
		}
		return builder.method(method,
				(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
	}

	private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
		HttpRequest request = builder.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		PROVOKED.record(request, response);
		return response;
	}

	/**
	 * One request and the envelope it must get.
	 *
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param json the JSON body, or {@code null}
	 * @param headers extra headers, as name/value pairs
	 * @param status the expected status
	 * @param code the expected code
	 * @param message the expected message
	 * @param param the expected param, or {@code null}
	 * @param docUrl the expected doc URL, or {@code null} for the default anchor
	 */
	record Scenario(String method, String path, @Nullable String json, List<String> headers, int status, ErrorCode code,
			String message, @Nullable String param, @Nullable String docUrl) {

		static Scenario of(String request, int status, ErrorCode code, String message, @Nullable String param) {
			return of(request, null, status, code, message, param);
		}

		static Scenario of(String request, @Nullable String json, int status, ErrorCode code, String message,
				@Nullable String param) {
			String[] parts = request.split(" ", 2);
			return new Scenario(parts[0], parts[1], json, List.of(), status, code, message, param, null);
		}

		Scenario withHeader(String name, String value) {
			List<String> all = new ArrayList<>(this.headers);
			all.add(name);
			all.add(value);
			return new Scenario(this.method, this.path, this.json, all, this.status, this.code, this.message,
					this.param, this.docUrl);
		}

		Scenario withDocUrl(String url) {
			return new Scenario(this.method, this.path, this.json, this.headers, this.status, this.code, this.message,
					this.param, url);
		}

		HttpRequest.Builder request(int port) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + this.path))
				.timeout(WAIT)
				.method(this.method, (this.json != null) ? HttpRequest.BodyPublishers.ofString(this.json)
						: HttpRequest.BodyPublishers.noBody());
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Authorization", KEY);
			headers.put("Augno-Version", VERSION);
			if (this.json != null) {
				headers.put("Content-Type", JSON);
			}
			for (int i = 0; i < this.headers.size(); i += 2) {
				headers.put(this.headers.get(i), this.headers.get(i + 1));
			}
			headers.forEach((name, value) -> {
				if (!value.isEmpty()) {
					builder.header(name, value);
				}
			});
			return builder;
		}

		@Override
		public String toString() {
			return this.method + " " + this.path + " -> " + this.code.code();
		}

	}

}
