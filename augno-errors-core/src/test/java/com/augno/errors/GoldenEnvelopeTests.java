package com.augno.errors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each example envelope of the Augno error reference, built through the public API with
 * the example's message, param and quota, serializes to the documented JSON.
 */
class GoldenEnvelopeTests {

	private static final String REQUEST_ID = "rq_fbv1ygmybo3eauykr74";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	// The docs' resource_exists example links to #resource_conflict: reproduced by an
	// override, the default stays #resource_exists.
	private static final ErrorFactory FACTORY = new ErrorFactory(ErrorRegistry.builder()
		.overrideDocUrl("resource_exists", "https://docs.augno.com/api/errors#resource_conflict")
		.build(), ErrorLinks.defaults());

	static Stream<Arguments> examples() {
		return Stream.of(
				// Generic examples are the codes' default messages: no message is passed.
				arguments("expired_token", AugnoException.of("expired_token")),
				arguments("api_key_expired", AugnoException.of(ErrorCodes.API_KEY_EXPIRED)),
				arguments("api_key_revoked", AugnoException.of("api_key_revoked")),
				arguments("invalid_credentials", AugnoException.of("invalid_credentials")),
				arguments("insufficient_permissions", AugnoException.of("insufficient_permissions")),
				arguments("payment_required", AugnoException.of("payment_required")),
				arguments("limit_exceeded",
						AugnoException.of("limit_exceeded")
							.message("You have reached the maximum number of sandbox accounts for your plan.")
							.quota(5, 5, null)),
				arguments("registration_closed", AugnoException.of("registration_closed")),
				arguments("validation_failed",
						AugnoException.of("validation_failed")
							.message("The email address is not valid.")
							.param("email")),
				arguments("missing_field",
						AugnoException.of("missing_field").message("Name is required.").param("name")),
				arguments("invalid_format",
						AugnoException.of("invalid_format")
							.message("Email must be a valid email address.")
							.param("email")),
				arguments("method_not_allowed", AugnoException.of(ErrorCodes.METHOD_NOT_ALLOWED)),
				arguments("parameter_missing",
						AugnoException.of("parameter_missing").message("Address detail ID is required.").param("id")),
				arguments("parameter_invalid",
						AugnoException.of("parameter_invalid")
							.message("Limit must be greater than zero.")
							.param("limit")),
				arguments("parameter_unknown",
						AugnoException.of("parameter_unknown").message("Unknown parameter: skip.").param("skip")),
				arguments("parameters_exclusive",
						AugnoException.of("parameters_exclusive")
							.message("The cursor and page parameters cannot be used together.")
							.param("page")),
				arguments("resource_not_found",
						AugnoException.of("resource_not_found").message("Shipping term not found.")),
				arguments("resource_exists",
						AugnoException.of("resource_exists").message("A user with this email already exists.")),
				arguments("resource_conflict",
						AugnoException.of("resource_conflict").message("Default shipping terms cannot be updated.")),
				arguments("resource_gone",
						AugnoException.of("resource_gone")
							.message("This product has already been deleted and can no longer be modified.")),
				arguments("idempotency_in_progress",
						AugnoException.of("idempotency_in_progress")
							.message("Request for the idempotency key 'req_abc123' is already being processed.")),
				arguments("validation_failed_idempotency_key_reused", AugnoException.of("validation_failed")
					.type(ErrorType.IDEMPOTENCY_ERROR)
					.message(
							"Idempotency key 'req_abc123' was used with different request parameters; use a new key.")),
				arguments("rate_limit_exceeded", AugnoException.of("rate_limit_exceeded")),
				arguments("api_version_required",
						AugnoException.of("api_version_required")
							.message("The Augno-Version header is required. Please include a valid API version. "
									+ "The latest version is CURRENT_API_VERSION.")),
				arguments("api_version_invalid",
						AugnoException.of("api_version_invalid")
							.message("Invalid API version '1900-01-01'. Supported versions: [CURRENT_API_VERSION]")),
				arguments("api_version_too_old",
						AugnoException.of("api_version_too_old")
							.message("This endpoint requires API version CURRENT_API_VERSION or newer. "
									+ "You requested 2024-01-01.")),
				arguments("internal_error", AugnoException.of("internal_error")),
				arguments("external_service_error", AugnoException.of("external_service_error")),
				arguments("timeout", AugnoException.of(ErrorCodes.TIMEOUT)),
				arguments("connection_error", AugnoException.of("connection_error")),
				arguments("request_timeout", AugnoException.of("request_timeout")),
				arguments("client_closed_request", AugnoException.of("client_closed_request")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void serializesToTheDocumentedExample(String fixture, AugnoException exception) throws IOException {
		String expected = fixture(fixture);
		String actual = MAPPER.writeValueAsString(new ErrorEnvelope(FACTORY.create(exception, REQUEST_ID)));
		JsonNode expectedTree = MAPPER.readTree(expected);
		JsonNode actualTree = MAPPER.readTree(actual);
		assertThat(actualTree).isEqualTo(expectedTree);
		assertThat(keys(actualTree)).containsExactly("error");
		assertThat(keys(actualTree.get("error"))).containsExactlyElementsOf(keys(expectedTree.get("error")));
	}

	@Test
	void everyFixtureFileHasAnExample() throws Exception {
		Path folder = Path.of(GoldenEnvelopeTests.class.getResource("/golden").toURI());
		try (Stream<Path> files = Files.list(folder)) {
			List<String> fixtures = files.map((file) -> file.getFileName().toString().replace(".json", "")).toList();
			assertThat(examples().map((arguments) -> (String) arguments.get()[0]))
				.containsExactlyInAnyOrderElementsOf(fixtures)
				.hasSize(32);
		}
	}

	@Test
	void resourceExistsLinksToItsOwnAnchorByDefault() {
		ErrorFactory defaults = new ErrorFactory(ErrorRegistry.standard(), ErrorLinks.defaults());
		assertThat(defaults.create(AugnoException.of("resource_exists"), REQUEST_ID).docUrl())
			.isEqualTo("https://docs.augno.com/api/errors#resource_exists");
	}

	private static List<String> keys(JsonNode node) {
		List<String> keys = new ArrayList<>();
		node.propertyNames().forEach(keys::add);
		return keys;
	}

	private static String fixture(String name) throws IOException {
		try (InputStream in = GoldenEnvelopeTests.class.getResourceAsStream("/golden/" + name + ".json")) {
			assertThat(in).as("fixture golden/%s.json", name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
