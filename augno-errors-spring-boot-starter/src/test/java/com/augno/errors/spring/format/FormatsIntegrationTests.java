package com.augno.errors.spring.format;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;
import com.augno.errors.test.AugnoErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Formats over a real Tomcat: the Augno envelope by default, RFC 9457 problem details for
 * a request whose {@code Accept} asks for them, every violation, and German messages for
 * {@code Accept-Language: de} from the application's message source.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "augno.errors.format-negotiation=true",
				"augno.errors.reject-unknown-parameters=true", "spring.messages.basename=i18n/augno-errors-test" })
class FormatsIntegrationTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String PROBLEM_JSON = "application/problem+json";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void writesTheEnvelopeByDefaultWithoutTheThrowersMembers() throws Exception {
		HttpResponse<String> response = send(get("/formats/rate-limited"));
		assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
		AugnoErrors.assertThat(response)
			.isAugnoError("rate_limit_exceeded")
			.hasStatus(429)
			.hasMessage("Too many requests. Please wait before trying again.")
			.hasNoParam()
			.isTransient()
			.hasNoQuota();
		assertThat(response.body()).doesNotContain("tier");
	}

	@Test
	void writesProblemDetailsToAClientThatAsksForThem() throws Exception {
		HttpResponse<String> response = send(get("/formats/rate-limited").header("Accept", PROBLEM_JSON));
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(response.headers().firstValueAsLong("Content-Length"))
			.hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
		JsonNode problem = MAPPER.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://docs.augno.com/api/errors#rate_limit_exceeded");
		assertThat(problem.get("title").asString()).as("the code's documented title").isEqualTo("Rate limit exceeded");
		assertThat(problem.get("status").isIntegralNumber()).isTrue();
		assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
		assertThat(problem.get("detail").asString()).isEqualTo("Too many requests. Please wait before trying again.");
		assertThat(problem.get("instance").asString()).isEqualTo("/formats/rate-limited");
		assertThat(problem.get("code").asString()).isEqualTo("rate_limit_exceeded");
		assertThat(problem.get("is_transient").asBoolean()).isTrue();
		assertThat(problem.get("request_log_url").asString())
			.isEqualTo("https://augno.com/dashboard/request-logs/" + requestId(response));
		assertThat(problem.get("tier").asString()).isEqualTo("free");
	}

	@Test
	void keepsTheApplicationsProblemDetailPropertiesAsMembers() throws Exception {
		HttpResponse<String> response = send(get("/formats/overdrawn").header("Accept", PROBLEM_JSON));
		assertThat(response.statusCode()).isEqualTo(409);
		JsonNode problem = MAPPER.readTree(response.body());
		assertThat(problem.get("code").asString()).isEqualTo("resource_conflict");
		assertThat(problem.get("detail").asString()).isEqualTo("Your balance is 30, but that costs 50.");
		assertThat(problem.get("balance").asInt()).isEqualTo(30);
		assertThat(problem.get("accounts").values()).extracting(JsonNode::asString)
			.containsExactly("/account/12345", "/account/67890");
		assertThat(problem.get("type").asString()).as("a member the format writes itself")
			.isEqualTo("https://docs.augno.com/api/errors#resource_conflict");
		HttpResponse<String> envelope = send(get("/formats/overdrawn"));
		AugnoErrors.assertThat(envelope).isAugnoError("resource_conflict");
		assertThat(envelope.body()).doesNotContain("\"balance\"", "accounts");
	}

	@Test
	void answersAcceptThatPrefersJsonOrNamesNothingWeProduceWithTheEnvelope() throws Exception {
		for (String accept : List.of("application/json, application/problem+json;q=0.5", "application/xml",
				"application/problem+json;q=0, */*")) {
			HttpResponse<String> response = send(get("/formats/rate-limited").header("Accept", accept));
			assertThat(response.statusCode()).as(accept).isEqualTo(429);
			assertThat(response.headers().firstValue("Content-Type")).as(accept).hasValue("application/json");
			AugnoErrors.assertThat(response).as(accept).isAugnoError("rate_limit_exceeded");
		}
	}

	@Test
	void problemDetailsListEveryViolationWhileTheEnvelopeReportsOne() throws Exception {
		String body = "{\"email\":\"not-an-address\",\"backupEmail\":\"also-not\"}";
		HttpResponse<String> envelope = send(post("/formats/users", body));
		assertThat(envelope.statusCode()).isEqualTo(400);
		AugnoErrors.assertThat(envelope)
			.isAugnoError("missing_field")
			.hasMessage("Name is required.")
			.hasParam("name")
			.isNotTransient()
			.hasNoQuota();
		HttpResponse<String> response = send(post("/formats/users", body).header("Accept", PROBLEM_JSON));
		JsonNode problem = MAPPER.readTree(response.body());
		assertThat(problem.get("code").asString()).isEqualTo("missing_field");
		assertThat(problem.get("param").asString()).isEqualTo("name");
		assertThat(problem.get("errors").toString()).isEqualTo("[{\"code\":\"missing_field\",\"param\":\"name\","
				+ "\"location\":\"body\",\"constraint\":\"NotBlank\",\"message\":\"Name is required.\"},"
				+ "{\"code\":\"invalid_format\",\"param\":\"email\",\"location\":\"body\",\"constraint\":\"Email\","
				+ "\"message\":\"Email must be a valid email address.\"},{\"code\":\"invalid_format\","
				+ "\"param\":\"backupEmail\",\"location\":\"body\",\"constraint\":\"Email\","
				+ "\"message\":\"Backup email must be a valid email address.\"}]");
	}

	@Test
	void namesTheLocationOfAQueryParameter() throws Exception {
		HttpResponse<String> response = send(get("/formats/search?limit=0").header("Accept", PROBLEM_JSON));
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = MAPPER.readTree(response.body());
		assertThat(problem.get("code").asString()).isEqualTo("parameter_invalid");
		JsonNode violation = problem.get("errors").get(0);
		assertThat(violation.get("param").asString()).isEqualTo("limit");
		assertThat(violation.get("location").asString()).isEqualTo("query");
		assertThat(violation.get("constraint").asString()).isEqualTo("Positive");
	}

	@Test
	void listsTheOneViolationOfAMissingOrMistypedParameter() throws Exception {
		JsonNode missing = MAPPER.readTree(send(get("/formats/search").header("Accept", PROBLEM_JSON)).body())
			.get("errors");
		assertThat(missing.toString()).isEqualTo("[{\"code\":\"parameter_missing\",\"param\":\"limit\","
				+ "\"location\":\"query\",\"constraint\":\"NotNull\",\"message\":\"Limit is required.\"}]");
		JsonNode mistyped = MAPPER
			.readTree(send(get("/formats/search?limit=ten").header("Accept", PROBLEM_JSON)).body())
			.get("errors")
			.get(0);
		assertThat(mistyped.get("code").asString()).isEqualTo("parameter_invalid");
		assertThat(mistyped.get("location").asString()).isEqualTo("query");
		assertThat(mistyped.get("constraint").asString()).isEqualTo("typeMismatch");
	}

	@Test
	void answersInGermanForAcceptLanguageDe() throws Exception {
		HttpResponse<String> notFound = send(get("/formats/not-found").header("Accept-Language", "de-DE,de;q=0.9"));
		assertThat(notFound.statusCode()).isEqualTo(404);
		AugnoErrors.assertThat(notFound)
			.isAugnoError("resource_not_found")
			.hasMessage("Die angeforderte Ressource wurde nicht gefunden.")
			.hasNoParam()
			.isNotTransient()
			.hasNoQuota();
		HttpResponse<String> limited = send(
				get("/formats/rate-limited").header("Accept-Language", "de").header("Accept", PROBLEM_JSON));
		JsonNode problem = MAPPER.readTree(limited.body());
		assertThat(problem.get("title").asString()).isEqualTo("Zu viele Anfragen");
		assertThat(problem.get("detail").asString())
			.isEqualTo("Zu viele Anfragen. Bitte warten Sie, bevor Sie es erneut versuchen.");
		assertThat(problem.get("code").asString()).isEqualTo("rate_limit_exceeded");
	}

	@Test
	void translatesEveryViolationButNeverCodeTypeOrParam() throws Exception {
		HttpResponse<String> response = send(
				post("/formats/users", "{\"email\":\"not-an-address\"}").header("Accept-Language", "de")
					.header("Accept", PROBLEM_JSON));
		JsonNode problem = MAPPER.readTree(response.body());
		assertThat(problem.get("detail").asString()).isEqualTo("Name ist erforderlich.");
		assertThat(problem.get("param").asString()).isEqualTo("name");
		List<String> messages = new ArrayList<>();
		problem.get("errors").forEach((violation) -> messages.add(violation.get("message").asString()));
		assertThat(messages).containsExactly("Name ist erforderlich.", "Email muss eine gültige E-Mail-Adresse sein.");
	}

	@Test
	void translatesAParameterisedMessage() throws Exception {
		HttpResponse<String> response = send(get("/formats/search?limit=1&skip=2").header("Accept-Language", "de"));
		AugnoErrors.assertThat(response)
			.isAugnoError("parameter_unknown")
			.hasMessage("Unbekannter Parameter: skip.")
			.hasParam("skip")
			.isNotTransient()
			.hasNoQuota();
	}

	@Test
	void fallsBackToEnglishWhenATranslationIsMissing() throws Exception {
		HttpResponse<String> french = send(get("/formats/not-found").header("Accept-Language", "fr"));
		AugnoErrors.assertThat(french)
			.isAugnoError("resource_not_found")
			.hasMessage("The requested resource was not found.")
			.hasNoParam()
			.isNotTransient()
			.hasNoQuota();
		HttpResponse<String> german = send(get("/formats/gone").header("Accept-Language", "de"));
		AugnoErrors.assertThat(german)
			.isAugnoError("resource_gone")
			.hasMessage(ErrorCodes.RESOURCE_GONE.message())
			.hasNoParam()
			.isNotTransient()
			.hasNoQuota();
	}

	@Test
	void tomcatsOwnRejectionIsWrittenInTheNegotiatedFormatWithoutAnInstance() throws Exception {
		String raw;
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET /%zz HTTP/1.1\r\nHost: localhost\r\nAccept: application/problem+json\r\n"
						+ "Connection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(raw).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json");
		JsonNode problem = MAPPER.readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("code").asString()).isEqualTo("validation_failed");
		assertThat(problem.get("title").asString()).isEqualTo("Validation failed");
		assertThat(problem.has("instance")).isFalse();
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
	}

	private HttpRequest.Builder post(String path, String body) {
		return get(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String requestId(HttpResponse<String> response) {
		return response.headers().firstValue("Request-Id").orElseThrow();
	}

	@SpringBootApplication
	@RestController
	static class App {

		@GetMapping("/formats/rate-limited")
		String rateLimited() {
			throw AugnoException.of("rate_limit_exceeded").retryAfter(Duration.ofSeconds(60)).member("tier", "free");
		}

		@GetMapping("/formats/overdrawn")
		String overdrawn() {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"Your balance is 30, but that costs 50.");
			problem.setType(URI.create("https://example.com/probs/out-of-credit"));
			problem.setProperty("balance", 30);
			problem.setProperty("accounts", List.of("/account/12345", "/account/67890"));
			problem.setProperty("type", "ignored: a member the format writes itself");
			throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
		}

		@GetMapping("/formats/not-found")
		String notFound() {
			throw AugnoException.of("resource_not_found");
		}

		@GetMapping("/formats/gone")
		String gone() {
			throw AugnoException.of("resource_gone");
		}

		@PostMapping("/formats/users")
		String register(@Valid @RequestBody Registration registration) {
			return "ok";
		}

		@GetMapping("/formats/search")
		String search(@RequestParam @Positive int limit) {
			return "ok";
		}

	}

	record Registration(@NotBlank String name, @NotBlank @Email String email, @Email String backupEmail) {

	}

}
