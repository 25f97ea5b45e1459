package com.augno.errors.spring.servlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import com.augno.errors.ErrorType;
import com.augno.errors.spring.test.HostileRequests;
import com.augno.errors.spring.test.HostileRequests.CreateUser;
import com.augno.errors.spring.test.HostileRequests.Reply;
import com.augno.errors.test.AugnoErrors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends hostile and malformed requests to a real Tomcat and checks that each one is
 * answered with a well-formed 4xx envelope that leaks nothing and survives what it
 * echoes.
 */
@SpringBootTest(classes = HostileInputIntegrationTests.HostileApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.jackson.deserialization.fail-on-unknown-properties=true" })
class HostileInputIntegrationTests {

	private static final String VALID_USER = HostileRequests.VALID_USER;

	/**
	 * Characters that break naive JSON, HTML or JavaScript embedding, as they appear once
	 * decoded: a quote, a closing brace and bracket, a script end tag, a line separator,
	 * a newline and a backslash.
	 */
	private static final String HOSTILE_TEXT = "\"}]</script>\u2028\n\\";

	/**
	 * {@link #HOSTILE_TEXT} as a JSON string literal's content.
	 */
	private static final String HOSTILE_JSON = "\\\"}]</script>\\u2028\\n\\\\";

	private static final String INVALID_JSON = "The request body is not valid JSON.";

	private static final String BODY_REQUIRED = "The request body is required.";

	private static final String LIMITS = "The request body exceeds the parser's size or nesting limits.";

	private static final String WRONG_STRUCTURE = "The request body does not have the expected structure.";

	private static final String UNSUPPORTED = "The request's content type is not supported.";

	private static final String NOT_ACCEPTABLE = "The requested media type is not available for this resource.";

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	private int port;

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void answersHostileInputWithAClientErrorEnvelope(Case hostile) throws Exception {
		Reply reply = hostile.request().send(this.port);
		String body = HostileRequests.strictUtf8(reply.body());
		assertThat(reply.status()).as("status of %s", body).isEqualTo(hostile.status());
		assertThat(reply.header("Content-Type")).as("Content-Type").startsWith("application/json");
		assertThat(reply.header("Transfer-Encoding")).as("Transfer-Encoding").isNull();
		assertThat(reply.header("Cache-Control")).as("Cache-Control").isEqualTo("no-store");
		assertThat(reply.header("Content-Length")).as("Content-Length")
			.isEqualTo(Integer.toString(reply.body().length));
		assertThat(body.length()).as("body size").isLessThan(4096);
		AugnoErrors.assertThat(reply.captured())
			.isAugnoError(hostile.code(), ErrorType.INVALID_REQUEST_ERROR)
			.hasMessage(hostile.message())
			.hasParam(hostile.param())
			.isNotTransient()
			.hasNoQuota()
			.hasContentLength();
	}

	static Stream<Case> cases() {
		List<Case> cases = new ArrayList<>();
		// Malformed JSON
		cases.add(invalidBody("truncated object", "{\"name\":\"Ann\",\"email\":", INVALID_JSON, null));
		cases.add(invalidBody("trailing garbage", VALID_USER + " xyz", INVALID_JSON, null));
		cases.add(invalidBody("a second document after the first", VALID_USER + VALID_USER, WRONG_STRUCTURE, null));
		cases.add(invalidBody("single quotes", "{'name':'Ann'}", INVALID_JSON, null));
		cases.add(invalidBody("NaN for an int", "{\"name\":\"Ann\",\"quantity\":NaN}", INVALID_JSON, null));
		cases.add(invalidBody("a comment", "{/* hi */\"name\":\"Ann\"}", INVALID_JSON, null));
		cases.add(invalidBody("unquoted property name", "{name:\"Ann\"}", INVALID_JSON, null));
		cases.add(invalidBody("raw control character in a string", "{\"name\":\"A\u0001nn\"}", INVALID_JSON, "name"));
		cases.add(invalidBody("raw newline in a string", "{\"name\":\"A\nnn\"}", INVALID_JSON, "name"));
		cases.add(invalidBody("unterminated string", "{\"name\":\"Ann", INVALID_JSON, "name"));
		cases.add(invalidBody("invalid escape in a string", "{\"name\":\"\\x41\"}", INVALID_JSON, "name"));
		cases.add(invalidBody("an array where an object is expected", "[]", WRONG_STRUCTURE, null));
		cases.add(invalidBody("a string where an object is expected", "\"str\"", WRONG_STRUCTURE, null));
		cases.add(invalidBody("a number where an object is expected", "42", WRONG_STRUCTURE, null));
		cases.add(invalidBody("null where an object is expected", "null", BODY_REQUIRED, null));
		cases.add(invalidBody("an empty body", "", BODY_REQUIRED, null));
		cases.add(invalidBody("a whitespace-only body", " \r\n\t ", BODY_REQUIRED, null));
		cases.add(new Case("a byte order mark before a blank name",
				post("/v1/users", "application/json",
						concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, utf8(withField("name", " ")))),
				400, "validation_failed", "Name must not be blank.", "name"));
		// Sizes and depths over the parser's limits
		cases.add(invalidBody("2,000 nested arrays",
				"{\"metadata\":{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}}", LIMITS, null));
		cases.add(invalidBody("2,000 nested objects",
				"{\"metadata\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2000) + "}", LIMITS, null));
		cases.add(invalidBody("a 5,000-digit number", "{\"quantity\":" + "9".repeat(5000) + "}", LIMITS, null));
		cases.add(invalidBody("a 60,000-character property name", "{\"" + "n".repeat(60_000) + "\":1}", LIMITS, null));
		// Values of the wrong size, type or range
		cases.add(new Case("1e400 into an int", jsonPost(override("quantity", "1e400")), 400, "invalid_format",
				"Quantity is out of range for an integer.", "quantity"));
		cases.add(new Case("a 20-digit number into an int", jsonPost(override("quantity", "99999999999999999999")), 400,
				"invalid_format", "Quantity is out of range for an integer.", "quantity"));
		cases.add(new Case("null for an int", jsonPost(override("quantity", "null")), 400, "missing_field",
				"Quantity is required.", "quantity"));
		cases.add(new Case("a 2 MB string into an email", jsonPost(withField("email", "a".repeat(2_000_000))), 400,
				"invalid_format", "Email must be a valid email address.", "email"));
		cases.add(new Case("a 2 MB string into an enum", jsonPost(withField("plan", "P".repeat(2_000_000))), 400,
				"invalid_format", "Plan must be one of: FREE, PRO.", "plan"));
		cases.add(new Case("a hostile string into a date", jsonPost(withField("birthday", HOSTILE_JSON)), 400,
				"invalid_format", "Birthday must be a date (YYYY-MM-DD).", "birthday"));
		cases.add(new Case("a string into a nested list element",
				jsonPost(override("items", "[{\"sku\":\"A\",\"qty\":\"x\"}]")), 400, "invalid_format",
				"Qty must be an integer.", "items[0].qty"));
		cases.add(
				new Case("a blank nested field", jsonPost(VALID_USER.replace("\"street\":\"Main\"", "\"street\":\"\"")),
						400, "validation_failed", "Street must not be blank.", "address.street"));
		// Invalid UTF-8
		cases.add(invalidUtf8("an invalid UTF-8 start byte", (byte) 0xFF, (byte) 0xFE));
		cases.add(invalidUtf8("a lone UTF-8 continuation byte", (byte) 0x80));
		cases.add(invalidUtf8("a truncated UTF-8 sequence", (byte) 0xC3));
		// Client-controlled names echoed in param and message
		cases.add(new Case("an unknown property with hostile characters", jsonPost(override(HOSTILE_JSON, "1")), 400,
				"validation_failed", "Unknown field: " + HOSTILE_TEXT + ".", HOSTILE_TEXT));
		cases.add(new Case("a 10,000-character unknown property", jsonPost(override("n".repeat(10_000), "1")), 400,
				"validation_failed", "Unknown field: " + "n".repeat(200) + ".", "n".repeat(200)));
		cases.add(new Case("a map key with hostile characters and a bad value",
				jsonPost(override("attributes", "{\"" + HOSTILE_JSON + "\":\"many\"}")), 400, "invalid_format",
				HOSTILE_TEXT + " must be an integer.", "attributes." + HOSTILE_TEXT));
		cases.add(new Case("a 5,000-character map key with a value out of range",
				jsonPost(override("attributes", "{\"" + "k".repeat(5000) + "\":-1}")), 400, "validation_failed",
				"Attributes must be zero or greater.", "attributes[" + "k".repeat(189)));
		// Wrong content types
		cases.add(unsupported("text/plain", post("/v1/users", "text/plain", utf8(VALID_USER))));
		cases.add(unsupported("application/xml", post("/v1/users", "application/xml", utf8("<user><name/></user>"))));
		cases.add(unsupported("multipart with no parts",
				post("/v1/users", "multipart/form-data; boundary=x", utf8("--x--\r\n"))));
		cases.add(unsupported("the EBCDIC charset",
				post("/v1/users", "application/json; charset=ebcdic", utf8(VALID_USER))));
		cases.add(unsupported("an unknown charset",
				post("/v1/users", "application/json; charset=utf-99", utf8(VALID_USER))));
		cases.add(unsupported("an unparseable content type",
				post("/v1/users", "application/json;;==\"", utf8(VALID_USER))));
		cases.add(unsupported("a wildcard subtype", post("/v1/users", "application/*", utf8(VALID_USER))));
		cases.add(unsupported("a wildcard type", post("/v1/users", "*/*", utf8(VALID_USER))));
		cases.add(unsupported("duplicated Content-Type headers", http("POST", "/v1/users", utf8(VALID_USER),
				"Content-Type", "text/plain", "Content-Type", "application/json")));
		cases.add(new Case("a form body with a broken escape on PUT",
				http("PUT", "/v1/users", utf8("a=%zz"), "Content-Type", "application/x-www-form-urlencoded"), 400,
				"validation_failed", "The request body could not be read.", null));
		// Accept headers the API cannot serve
		cases.add(notAcceptable("application/xml"));
		cases.add(notAcceptable("text/html"));
		cases.add(notAcceptable("image/png"));
		cases.add(new Case("Accept text/html on a bad parameter",
				http("GET", "/v1/items?limit=abc", null, "Accept", "text/html"), 400, "parameter_invalid",
				"Limit must be an integer.", "limit"));
		cases.add(new Case("Accept text/html on an unknown route", http("GET", "/v1/nope", null, "Accept", "text/html"),
				404, "resource_not_found", "Unrecognized request URL: GET /v1/nope.", null));
		// Query and path parameters
		cases.add(badLimit("abc", "limit=abc"));
		cases.add(badLimit("a 20-digit number", "limit=99999999999999999999"));
		cases.add(badLimit("a percent-encoded quote and script tag", "limit=%22%3C%2Fscript%3E"));
		cases.add(badLimit("a 6,000-digit value", "limit=" + "9".repeat(6000)));
		cases.add(unreadableQuery("a percent-encoded invalid UTF-8 byte", http("GET", "/v1/items?limit=%FF", null)));
		cases.add(unreadableQuery("a broken percent escape", raw("GET /v1/items?limit=%zz", null, null)));
		cases.add(unreadableQuery("1,500 parameters", http("GET", "/v1/items?limit=5" + "&a=1".repeat(1500), null)));
		cases.add(new Case("a missing parameter", http("GET", "/v1/items", null), 400, "parameter_missing",
				"Limit is required.", "limit"));
		cases.add(badId("abc", "/v1/items/abc"));
		cases.add(badId("1e9999", "/v1/items/1e9999"));
		cases.add(badId("a 30-digit number", "/v1/items/" + "9".repeat(30)));
		cases.add(badId("an encoded quote, newline and angle bracket", "/v1/items/%22%0A%3C"));
		// Headers
		cases.add(
				new Case("a 7 KB header value", http("GET", "/v1/items?limit=abc", null, "X-Padding", "p".repeat(7000)),
						400, "parameter_invalid", "Limit must be an integer.", "limit"));
		cases.add(unsupported("a 7 KB Content-Type value",
				post("/v1/users", "application/x-" + "y".repeat(7000), utf8(VALID_USER))));
		cases.add(new Case("a Content-Length shorter than the body",
				raw("POST /v1/users", "Content-Type: application/json\r\nContent-Length: 5\r\n", utf8(VALID_USER)), 400,
				"validation_failed", INVALID_JSON, null));
		cases.add(new Case("a malformed chunk size",
				raw("POST /v1/users", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n",
						utf8("zz\r\n{}\r\n0\r\n\r\n")),
				400, "validation_failed", "The request body could not be read.", null));
		// Routes and methods
		cases.add(notFound("/v1/%3Cscript%3Ealert(1)%3C/script%3E"));
		cases.add(notFound("/v1/%22%7D%5D"));
		cases.add(notFound("/v1/%E2%80%A8%0A%3C"));
		cases.add(notFound("/v1/" + "x".repeat(3000)));
		cases.add(new Case("a POST to an unknown route with a hostile body",
				post("/v1/%22%7D%5D", "application/json", utf8("{\"" + HOSTILE_JSON + "\":1}")), 404,
				"resource_not_found", "Unrecognized request URL: POST /v1/%22%7D%5D.", null));
		cases.add(new Case("a 5,000-character method on an unknown route",
				raw("M".repeat(5000) + " /v1/nope", null, null), 404, "resource_not_found",
				"Unrecognized request URL: " + "M".repeat(200) + "... /v1/nope.", null));
		cases.add(new Case("a 5,000-character method on the error path", raw("M".repeat(5000) + " /error", null, null),
				404, "resource_not_found", "Unrecognized request URL: " + "M".repeat(200) + "... /error.", null));
		cases.add(new Case("a DELETE of a POST-only route", http("DELETE", "/v1/users", null), 405,
				"method_not_allowed", "Method not allowed.", null));
		return cases.stream();
	}

	private static Case invalidBody(String name, String json, String message, @Nullable String param) {
		return new Case(name, jsonPost(json), 400, "validation_failed", message, param);
	}

	private static Case invalidUtf8(String name, byte... bytes) {
		return new Case(name, post("/v1/users", "application/json", concat(utf8("{\"name\":\""), bytes, utf8("\"}"))),
				400, "validation_failed", INVALID_JSON, "name");
	}

	private static Case unreadableQuery(String name, Request request) {
		return new Case("query with " + name, request, 400, "parameter_invalid",
				"The request's parameters could not be read.", null);
	}

	private static Case unsupported(String name, Request request) {
		return new Case(name, request, 415, "unsupported_media_type", UNSUPPORTED, null);
	}

	private static Case notAcceptable(String accept) {
		return new Case("Accept " + accept, http("GET", "/v1/items?limit=5", null, "Accept", accept), 406,
				"not_acceptable", NOT_ACCEPTABLE, null);
	}

	private static Case badLimit(String name, String query) {
		return new Case("limit " + name, http("GET", "/v1/items?" + query, null), 400, "parameter_invalid",
				"Limit must be an integer.", "limit");
	}

	private static Case badId(String name, String path) {
		return new Case("path id " + name, http("GET", path, null), 400, "parameter_invalid", "ID must be an integer.",
				"id");
	}

	private static Case notFound(String path) {
		String shown = (path.length() > 200) ? path.substring(0, 200) + "..." : path;
		return new Case("unknown route " + ((path.length() > 40) ? path.substring(0, 40) + "..." : path),
				http("GET", path, null), 404, "resource_not_found", "Unrecognized request URL: GET " + shown + ".",
				null);
	}

	private static String withField(String name, String jsonContent) {
		return override(name, "\"" + jsonContent + "\"");
	}

	/**
	 * Return the valid body with one more member, which wins over an earlier one of the
	 * same name.
	 * @param name the member's name, as JSON string content
	 * @param jsonValue the member's value, as JSON text
	 * @return the body
	 */
	private static String override(String name, String jsonValue) {
		return VALID_USER.substring(0, VALID_USER.length() - 1) + ",\"" + name + "\":" + jsonValue + "}";
	}

	private static Request jsonPost(String json) {
		return post("/v1/users", "application/json", utf8(json));
	}

	private static Request post(String path, String contentType, byte[] body) {
		return http("POST", path, body, "Content-Type", contentType);
	}

	/**
	 * Build a request sent with {@link HttpClient}.
	 * @param method the method
	 * @param path the raw path and query
	 * @param body the body, or {@code null} for none
	 * @param headers header names and values, alternating
	 * @return the request
	 */
	private static Request http(String method, String path, byte @Nullable [] body, String... headers) {
		return (port) -> {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(20))
				.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
						: HttpRequest.BodyPublishers.noBody());
			for (int i = 0; i < headers.length; i += 2) {
				builder.header(headers[i], headers[i + 1]);
			}
			HttpResponse<byte[]> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
			Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			response.headers().map().forEach((name, values) -> responseHeaders.put(name, values.get(0)));
			return new Reply(response.statusCode(), responseHeaders, response.body());
		};
	}

	/**
	 * Build a request written byte for byte to a socket, for what {@link HttpClient}
	 * refuses to send.
	 * @param requestLine the method and target, without the version
	 * @param headers extra header lines, each ending in CRLF, or {@code null}
	 * @param body the body, or {@code null}
	 * @return the request
	 */
	private static Request raw(String requestLine, @Nullable String headers, byte @Nullable [] body) {
		return (port) -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
				socket.setSoTimeout(20_000);
				OutputStream out = socket.getOutputStream();
				String head = requestLine + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
						+ ((headers != null) ? headers : "") + "\r\n";
				out.write(head.getBytes(StandardCharsets.ISO_8859_1));
				if (body != null) {
					out.write(body);
				}
				out.flush();
				return HostileRequests.parse(socket.getInputStream());
			}
		};
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/**
	 * One hostile request and the envelope it must get.
	 *
	 * @param name what the request does
	 * @param request sends it
	 * @param status the expected status
	 * @param code the expected code
	 * @param message the expected message
	 * @param param the expected param, or {@code null}
	 */
	record Case(String name, Request request, int status, String code, String message, @Nullable String param) {

		@Override
		public String toString() {
			return this.name + " -> " + this.status + " " + this.code;
		}

	}

	/**
	 * Sends a request to the server and returns what came back.
	 */
	@FunctionalInterface
	interface Request {

		Reply send(int port) throws IOException, InterruptedException;

	}

	/**
	 * The application under attack: a JSON API with a validated body, a query parameter
	 * and a path variable.
	 */
	// Not @SpringBootApplication: its component scan of this package would register the
	// starter's own advice and error controller directly, bypassing the
	// auto-configuration.
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class HostileApp {

		/**
		 * The users and items endpoints.
		 */
		@RestController
		static class HostileController {

			@PostMapping("/v1/users")
			Map<String, Object> createUser(@Valid @RequestBody CreateUser user) {
				return Map.of("name", user.name());
			}

			@GetMapping("/v1/items")
			Map<String, Object> listItems(@RequestParam int limit) {
				return Map.of("limit", limit);
			}

			@GetMapping("/v1/items/{id}")
			Map<String, Object> getItem(@PathVariable long id) {
				return Map.of("id", id);
			}

		}

	}

}
