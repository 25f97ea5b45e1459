package com.augno.errors.spring.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import com.augno.errors.test.AugnoErrors;
import com.augno.errors.test.CapturedResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests in 17 categories, generated from a seed and written byte for byte to a
 * socket, and the check every answer to them must pass, shared by the hostile-input
 * generators of both stacks: malformed and deep JSON, huge numbers and strings, invalid
 * UTF-8, wrong types, odd content types and {@code Accept} headers, bad encodings,
 * traversal, long URLs and headers, odd methods, header injection, junk multipart, broken
 * chunked framing and bad parameters, against an application that serves
 * {@code POST /v1/users} ({@link CreateUser}), {@code GET /v1/items?limit=} (an
 * {@code int}) and {@code GET /v1/items/{id}} (a {@code long}).
 */
public final class HostileRequests {

	/**
	 * The system property that sets the number of requests of a generator run.
	 */
	public static final String REQUESTS_PROPERTY = "augno.reliability.hostile-requests";

	/**
	 * The system property that replays a seed.
	 */
	public static final String SEED_PROPERTY = "augno.reliability.seed";

	/**
	 * A body {@code POST /v1/users} accepts.
	 */
	public static final String VALID_USER = """
			{"name":"Ann","email":"ann@example.com","quantity":1,"plan":"FREE","birthday":"1990-01-02",\
			"address":{"street":"Main","city":"Oslo"},"items":[{"sku":"A1","qty":1}]}""";

	private static final int MAX_BODY = 4096;

	private static final List<Function<Random, Attack>> CATEGORIES = List.of(HostileRequests::malformedJson,
			HostileRequests::deepJson, HostileRequests::hugeNumber, HostileRequests::hugeString,
			HostileRequests::invalidUtf8, HostileRequests::wrongType, HostileRequests::oddContentType,
			HostileRequests::oddAccept, HostileRequests::badEncoding, HostileRequests::traversal,
			HostileRequests::longUrl, HostileRequests::longHeader, HostileRequests::oddMethod,
			HostileRequests::headerInjection, HostileRequests::junkMultipart, HostileRequests::brokenChunking,
			HostileRequests::badParameter);

	private static final String[] CONTENT_TYPES = { "text/plain", "application/xml", "application/*", "*/*", "",
			"application/json; charset=utf-99", "application/json;;==\"", "application/json; charset=ebcdic",
			"multipart/form-data", "multipart/form-data; boundary=", "application/x-www-form-urlencoded",
			"application/json; boundary=x; charset=utf-8; q=0", "x/" + "y".repeat(300), "\u00e9/\u00e9", "json" };

	private static final String[] ACCEPTS = { "application/xml", "text/html", "image/png", "*/*;q=x",
			"application/json;q=0", "", "application/*", "text/*, image/*;q=0.1", "a/b/c", ";;;", "\u00e9/\u00e9",
			"application/json;charset=utf-99" };

	private static final String JSON_NOISE = "{}[]\",:\\'x";

	private static final String[] PATHS = { "/v1/users", "/v1/items?limit=5", "/v1/items/1", "/v1/nope", "/error", "/",
			"/v1/items" };

	private HostileRequests() {
	}

	/**
	 * Generate the request of a run's given index, cycling through the categories.
	 * @param index the request's index in the run
	 * @param random the run's seeded source
	 * @return the request
	 */
	public static Attack generate(int index, Random random) {
		return CATEGORIES.get(index % CATEGORIES.size()).apply(random);
	}

	/**
	 * Write a request to a server on the loopback interface and read its answer until the
	 * server closes the connection.
	 * @param port the server's port
	 * @param attack the request
	 * @param timeoutMillis how long to wait to connect and for each read
	 * @return the answer
	 * @throws IOException if the connection fails
	 * @throws AssertionError if no answer comes in time
	 */
	public static Reply send(int port, Attack attack, int timeoutMillis) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
			socket.setSoTimeout(timeoutMillis);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(attack.bytes());
				out.flush();
			}
			catch (IOException ex) {
				// The server may answer and close before reading all of a large request.
			}
			try {
				return parse(socket.getInputStream());
			}
			catch (SocketTimeoutException ex) {
				throw new AssertionError("no answer within " + timeoutMillis + " ms (hang)", ex);
			}
		}
	}

	/**
	 * Check an answer to a hostile request: no injected header, no 5xx but 501 and 505,
	 * and an error is the small JSON envelope of a client error that is not transient,
	 * whose message and {@code param} are bounded and name nothing internal.
	 * @param attack the request
	 * @param reply its answer
	 * @param internals words (the server's, its framework's) that neither message nor
	 * param may contain, ignoring case
	 * @throws IOException if the body is not UTF-8
	 */
	public static void assertClientErrorAnswer(Attack attack, Reply reply, String... internals) throws IOException {
		assertThat(reply.headers().keySet()).as("response headers").noneMatch((name) -> name.startsWith("X-Injected"));
		int status = reply.status();
		assertThat(status).as("status").isNotIn(500, 502, 503, 504);
		if (status < 400) {
			return;
		}
		assertThat(status).as("status").isBetween(400, 505);
		if (attack.head()) {
			assertThat(reply.body()).as("body of a HEAD").isEmpty();
			return;
		}
		String body = strictUtf8(reply.body());
		assertThat(reply.header("Content-Type")).as("Content-Type of %s", body).startsWith("application/json");
		assertThat(reply.body().length).as("body size").isLessThan(MAX_BODY);
		JsonNode error = AugnoErrors.assertThat(reply.captured().withoutStatus())
			.isAugnoError()
			.isNotTransient()
			.error();
		assertThat(error.get("type").asString()).as("type in %s", body).isEqualTo("invalid_request_error");
		assertThat(List.of(error.get("message"), error.get("param"))).as("message and param of %s", body)
			.allSatisfy((member) -> assertThat(member.toString()).doesNotContainIgnoringCase("sql")
				.doesNotContain("Caused by", "exception")
				.doesNotContainIgnoringCase("jakarta.")
				.satisfies((text) -> assertThat(Arrays.stream(internals))
					.noneMatch((internal) -> text.toLowerCase().contains(internal.toLowerCase()))));
		assertThat(error.get("message").asString()).as("message").hasSizeLessThan(600);
		if (!error.get("param").isNull()) {
			assertThat(error.get("param").asString()).as("param").hasSizeLessThanOrEqualTo(200);
		}
	}

	/**
	 * Read a response until the server closes the connection, decoding a chunked body.
	 * @param in the connection's input
	 * @return the response
	 * @throws IOException if reading fails
	 */
	public static Reply parse(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int read;
		while ((read = in.read(buffer)) != -1) {
			received.write(buffer, 0, read);
		}
		byte[] bytes = received.toByteArray();
		int end = indexOf(bytes, utf8("\r\n\r\n"));
		assertThat(end).as("end of the response head").isNotNegative();
		String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.putIfAbsent(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
		}
		byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
		return new Reply(status, headers,
				"chunked".equalsIgnoreCase(headers.get("Transfer-Encoding")) ? dechunk(body) : body);
	}

	/**
	 * Decode bytes as UTF-8, failing on malformed input.
	 * @param bytes the bytes
	 * @return the text
	 * @throws CharacterCodingException if the bytes are not UTF-8
	 */
	public static String strictUtf8(byte[] bytes) throws CharacterCodingException {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int position = 0;
		while (position < chunked.length) {
			int lineEnd = indexOf(Arrays.copyOfRange(chunked, position, chunked.length), utf8("\r\n"));
			assertThat(lineEnd).as("chunk size line").isNotNegative();
			String size = new String(chunked, position, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
			int length = Integer.parseInt(size, 16);
			position += lineEnd + 2;
			if (length == 0) {
				break;
			}
			body.write(chunked, position, length);
			position += length + 2;
		}
		return body.toByteArray();
	}

	private static int indexOf(byte[] bytes, byte[] target) {
		for (int i = 0; i + target.length <= bytes.length; i++) {
			if (Arrays.equals(bytes, i, i + target.length, target, 0, target.length)) {
				return i;
			}
		}
		return -1;
	}

	private static Attack malformedJson(Random random) {
		String json = VALID_USER;
		int at = random.nextInt(json.length());
		String mutated = switch (random.nextInt(3)) {
			case 0 -> json.substring(0, at);
			case 1 ->
				json.substring(0, at) + JSON_NOISE.charAt(random.nextInt(JSON_NOISE.length())) + json.substring(at);
			default -> json.substring(0, at) + json.substring(Math.min(json.length(), at + 1 + random.nextInt(5)));
		};
		return post("malformed JSON", "application/json", utf8(mutated));
	}

	private static Attack deepJson(Random random) {
		int depth = 501 + random.nextInt(2500);
		String deep = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
				: "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
		return post("JSON nested " + depth + " deep", "application/json",
				utf8(override(random.nextBoolean() ? "metadata" : "name", deep)));
	}

	private static Attack hugeNumber(Random random) {
		String number = switch (random.nextInt(4)) {
			case 0 -> "9".repeat(1001 + random.nextInt(4000));
			case 1 -> "1e" + (400 + random.nextInt(100_000));
			case 2 -> "-0." + "0".repeat(1000 + random.nextInt(2000)) + "1";
			default -> "9".repeat(19 + random.nextInt(40));
		};
		String field = random.nextBoolean() ? "quantity" : "items";
		String value = "items".equals(field) ? "[{\"sku\":\"A\",\"qty\":" + number + "}]" : number;
		return post("a " + number.length() + "-character number", "application/json", utf8(override(field, value)));
	}

	private static Attack hugeString(Random random) {
		int length = 100_000 + random.nextInt(400_000);
		String text = "a".repeat(length);
		String json = random.nextBoolean() ? override(random.nextBoolean() ? "email" : "plan", "\"" + text + "\"")
				: override(text.substring(0, 50_001 + random.nextInt(10_000)), "1");
		return post("a " + length + "-character string", "application/json", utf8(json));
	}

	private static Attack invalidUtf8(Random random) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(utf8("{\"name\":\"A"));
		for (int i = 0; i < 1 + random.nextInt(4); i++) {
			body.write(0x80 + random.nextInt(0x80));
		}
		body.writeBytes(utf8("\",\"email\":\"a@b.co\"}"));
		return post("invalid UTF-8", "application/json", body.toByteArray());
	}

	private static Attack wrongType(Random random) {
		String[] fields = { "name", "email", "quantity", "plan", "birthday", "address", "items", "attributes",
				"metadata" };
		String[] values = { "[]", "{}", "\"x\"", "true", "-1", "1.5", "null", "[1,2]", "{\"a\":[]}", "\"1990-13-45\"",
				"{\"\\u0000\":\"\\ud800\"}", "[{\"qty\":\"many\"}]", "{\"k\":\"v\"}" };
		String field = fields[random.nextInt(fields.length)];
		String value = values[random.nextInt(values.length)];
		return post(field + " = " + value, "application/json", utf8(override(field, value)));
	}

	private static Attack oddContentType(Random random) {
		String type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
		return post("Content-Type " + type, type, utf8(VALID_USER));
	}

	private static Attack oddAccept(Random random) {
		String accept = random.nextInt(10) == 0 ? "a".repeat(5000) : ACCEPTS[random.nextInt(ACCEPTS.length)];
		String target = random.nextBoolean() ? "/v1/items?limit=abc" : PATHS[random.nextInt(PATHS.length)];
		return request("Accept " + abbreviate(accept), "GET " + target, "Accept: " + accept + "\r\n", null);
	}

	private static Attack badEncoding(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> request("Content-Encoding gzip on plain JSON", "POST /v1/users",
					"Content-Type: application/json\r\nContent-Encoding: gzip\r\n", utf8(VALID_USER));
			case 1 -> post("UTF-16 declared, UTF-8 sent", "application/json; charset=UTF-16", utf8(VALID_USER));
			case 2 -> request("broken percent-encoding", "GET /v1/items?limit=%" + hex(random) + "z", null, null);
			case 3 -> request("overlong UTF-8 in the query", "GET /v1/items?limit=%C0%AF%E0%80%AF", null, null);
			default -> request("encoded NUL in the path", "GET /v1/items/%00", null, null);
		};
	}

	private static Attack traversal(Random random) {
		String[] targets = { "/../../etc/passwd", "/v1/%2e%2e/%2e%2e/etc/passwd", "/v1/items/..%2f..%2f", "//v1/items",
				"/v1/./items/1", "/static/../../application.properties", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF",
				"/v1/items/%2e", "/%c0%ae%c0%ae/", "/v1/..;/items", "/v1/items;jsessionid=1/1",
				"/..\\..\\windows\\win.ini", "/v1/%252e%252e/" };
		String target = targets[random.nextInt(targets.length)];
		return request("traversal " + target, "GET " + target, null, null);
	}

	private static Attack longUrl(Random random) {
		int length = 1000 + random.nextInt(6500);
		String target = random.nextBoolean() ? "/v1/" + "x".repeat(length) : "/v1/items?limit=" + "9".repeat(length);
		return request("a " + length + "-character URL", "GET " + target, null, null);
	}

	private static Attack longHeader(Random random) {
		if (random.nextBoolean()) {
			int length = 1000 + random.nextInt(6500);
			return request("a " + length + "-character header", "GET /v1/items?limit=x",
					"X-Padding: " + "p".repeat(length) + "\r\n", null);
		}
		int count = 50 + random.nextInt(150);
		return request(count + " headers", "GET /v1/items?limit=x", "X-H: 1\r\n".repeat(count), null);
	}

	private static Attack oddMethod(Random random) {
		String method = switch (random.nextInt(6)) {
			case 0 -> "M".repeat(1 + random.nextInt(6000));
			case 1 -> token(random, 1 + random.nextInt(40));
			case 2 -> "get";
			case 3 -> "TRACE";
			case 4 -> "PROPFIND";
			default -> "DELETE";
		};
		String target = PATHS[random.nextInt(PATHS.length)];
		return request("method " + abbreviate(method) + " " + target, method + " " + target, null, null);
	}

	private static Attack headerInjection(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> request("CR LF encoded in the path", "GET /v1/nope%0d%0aX-Injected:%201", null, null);
			case 1 -> request("CR LF encoded in the query", "GET /v1/items?limit=%0d%0aX-Injected:%201", null, null);
			case 2 ->
				request("a bare CR in a header value", "GET /v1/items?limit=x", "X-A: a\rX-Injected: 1\r\n", null);
			case 3 -> request("a NUL in a header value", "GET /v1/items?limit=x", "X-A: a\u0000b\r\n", null);
			default -> request("a folded header line", "GET /v1/items?limit=x", "X-A: a\r\n X-Injected: 1\r\n", null);
		};
	}

	private static Attack junkMultipart(Random random) {
		String part = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nhello\r\n";
		String[] bodies = { part, "--b\r\nContent-Disp",
				part + "--b\r\nContent-Disposition: form-data; name=\"c\"\r\n\r\ncut",
				"--b\r\nContent-Disposition: form-data; name=\"a\"; filename=\"x\u0000y\"\r\n\r\nhi\r\n--b--\r\n",
				token(random, 200), "--b--\r\n", part + "--b--\r\n" };
		String type = random.nextInt(4) == 0 ? "multipart/form-data" : "multipart/form-data; boundary=b";
		String body = bodies[random.nextInt(bodies.length)];
		return post("multipart " + abbreviate(body), type, body.getBytes(StandardCharsets.ISO_8859_1));
	}

	private static Attack brokenChunking(Random random) {
		String[] bodies = { "zz\r\n{}\r\n0\r\n\r\n", "2\r\n{}xx\r\n0\r\n\r\n", "-1\r\n{}\r\n0\r\n\r\n",
				"FFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n", "2;" + "e".repeat(9000) + "\r\n{}\r\n0\r\n\r\n",
				"2\r\n{}0\r\n\r\n" };
		String body = bodies[random.nextInt(bodies.length)];
		return request("chunked " + abbreviate(body), "POST /v1/users",
				"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n",
				body.getBytes(StandardCharsets.ISO_8859_1));
	}

	private static Attack badParameter(Random random) {
		String value = switch (random.nextInt(4)) {
			case 0 -> token(random, 1 + random.nextInt(50));
			case 1 -> "%22%3C%2Fscript%3E";
			case 2 -> "9".repeat(20 + random.nextInt(5000));
			default -> "1" + "&a=1".repeat(1001 + random.nextInt(200));
		};
		String target = random.nextBoolean() ? "/v1/items?limit=" + value : "/v1/items/" + value.replace('&', 'x');
		return request("parameter " + abbreviate(value), "GET " + target, null, null);
	}

	private static String override(String name, String jsonValue) {
		String json = VALID_USER;
		return json.substring(0, json.length() - 1) + ",\"" + name + "\":" + jsonValue + "}";
	}

	private static Attack post(String description, String contentType, byte[] body) {
		return request(description, "POST /v1/users", "Content-Type: " + contentType + "\r\n", body);
	}

	private static Attack request(String description, String methodAndTarget, @Nullable String headers,
			byte @Nullable [] body) {
		String head = methodAndTarget + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
				+ ((headers != null) ? headers : "") + ((body != null) ? "Content-Length: " + body.length + "\r\n" : "")
				+ "\r\n";
		if (headers != null && headers.contains("Transfer-Encoding")) {
			head = head.replace("Content-Length: " + ((body != null) ? body.length : 0) + "\r\n", "");
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
		if (body != null) {
			bytes.writeBytes(body);
		}
		return new Attack(description, bytes.toByteArray(), methodAndTarget.startsWith("HEAD "));
	}

	private static String token(Random random, int length) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~";
		StringBuilder token = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			token.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return token.toString();
	}

	private static String hex(Random random) {
		return Integer.toHexString(random.nextInt(16)).toUpperCase();
	}

	private static String abbreviate(String text) {
		String oneLine = text.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
		return (oneLine.length() > 60) ? oneLine.substring(0, 60) + "...(" + oneLine.length() + ")" : oneLine;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * One generated request.
	 *
	 * @param description what it does, for the failure report
	 * @param bytes the request as written to the socket
	 * @param head whether it is a {@code HEAD}, whose answer has no body
	 */
	public record Attack(String description, byte[] bytes, boolean head) {

		@Override
		public String toString() {
			return this.description;
		}

	}

	/**
	 * A response as received: status, first value of each header, and the raw body.
	 *
	 * @param status the status
	 * @param headers the headers, by case-insensitive name
	 * @param body the body bytes
	 */
	public record Reply(int status, Map<String, String> headers, byte[] body) {

		/**
		 * Return the first value of a header.
		 * @param name the header's name, in any case
		 * @return the value, or {@code null} if the response has no such header
		 */
		public @Nullable String header(String name) {
			return this.headers.get(name);
		}

		/**
		 * Return the reply as the test kit reads it.
		 * @return the reply
		 * @throws CharacterCodingException if the body is not UTF-8
		 */
		public CapturedResponse captured() throws CharacterCodingException {
			HttpHeaders httpHeaders = new HttpHeaders();
			this.headers.forEach(httpHeaders::add);
			return CapturedResponse.of(this.status, httpHeaders, strictUtf8(this.body));
		}

	}

	/**
	 * The body of a new user, which the requests attack.
	 *
	 * @param name the name
	 * @param email the email address
	 * @param quantity a count
	 * @param plan the plan
	 * @param birthday the birthday
	 * @param address a nested object
	 * @param items a list of nested objects
	 * @param attributes counts by client-chosen key
	 * @param metadata free-form JSON
	 */
	public record CreateUser(@NotBlank String name, @Email String email, int quantity, Plan plan, LocalDate birthday,
			@Valid Address address, List<@Valid LineItem> items, Map<String, @PositiveOrZero Integer> attributes,
			Map<String, Object> metadata) {
	}

	/**
	 * A postal address.
	 *
	 * @param street the street
	 * @param city the city
	 */
	public record Address(@NotBlank String street, String city) {
	}

	/**
	 * One line of the order.
	 *
	 * @param sku the SKU
	 * @param qty the quantity
	 */
	public record LineItem(@NotBlank String sku, int qty) {
	}

	/**
	 * The plans.
	 */
	public enum Plan {

		/**
		 * The free plan.
		 */
		FREE,

		/**
		 * The paid plan.
		 */
		PRO

	}

}
