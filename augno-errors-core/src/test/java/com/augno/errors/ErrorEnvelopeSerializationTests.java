package com.augno.errors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The envelope's wire format does not depend on how the application configured Jackson.
 */
class ErrorEnvelopeSerializationTests {

	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	private static final ErrorFactory FACTORY = new ErrorFactory(ErrorRegistry.standard(), ErrorLinks.defaults());

	private static final ErrorEnvelope WITH_NULLS = new ErrorEnvelope(
			FACTORY.create(AugnoException.of("resource_not_found"), null));

	private static final ErrorEnvelope WITH_QUOTA = new ErrorEnvelope(FACTORY.create(AugnoException.of("limit_exceeded")
		.message("You have reached the maximum number of sandbox accounts for your plan.")
		.param("sandbox")
		.quota(5, 5, Instant.parse("2026-12-01T00:00:00Z")), "rq_0123456789abcdefghij"));

	static Stream<Arguments> hostileMappers() {
		return Stream.of(arguments("plain", PLAIN),
				arguments("NON_NULL",
						JsonMapper.builder()
							.changeDefaultPropertyInclusion((h) -> h.withValueInclusion(JsonInclude.Include.NON_NULL)
								.withContentInclusion(JsonInclude.Include.NON_NULL))
							.build()),
				arguments("NON_EMPTY + NON_DEFAULT content",
						JsonMapper.builder()
							.changeDefaultPropertyInclusion((h) -> h.withValueInclusion(JsonInclude.Include.NON_EMPTY)
								.withContentInclusion(JsonInclude.Include.NON_DEFAULT))
							.build()),
				arguments("SNAKE_CASE",
						JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build()),
				arguments("UPPER_CAMEL_CASE",
						JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE).build()),
				arguments("NON_NULL + UPPER_CAMEL_CASE",
						JsonMapper.builder()
							.changeDefaultPropertyInclusion((h) -> h.withValueInclusion(JsonInclude.Include.NON_NULL))
							.propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
							.build()),
				arguments("NON_NULL + SNAKE_CASE + sorted + explicit renaming",
						JsonMapper.builder()
							.changeDefaultPropertyInclusion((h) -> h.withValueInclusion(JsonInclude.Include.NON_NULL))
							.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
							.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
							.build()),
				arguments("KEBAB_CASE + dates as timestamps",
						JsonMapper.builder()
							.propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
							.enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
							.enable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
							.build()),
				arguments("LOWER_CAMEL_CASE + WRAP_ROOT_VALUE off + indentation off",
						JsonMapper.builder()
							.propertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE)
							.disable(SerializationFeature.INDENT_OUTPUT)
							.build()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileMappers")
	void writesTheSameJsonWhateverTheMappersSettings(String name, JsonMapper mapper) {
		assertThat(mapper.writeValueAsString(WITH_NULLS)).isEqualTo("{\"error\":{\"code\":\"resource_not_found\","
				+ "\"type\":\"invalid_request_error\",\"message\":\"The requested resource was not found.\","
				+ "\"param\":null,\"doc_url\":\"https://docs.augno.com/api/errors#resource_not_found\","
				+ "\"is_transient\":false,\"quota\":null,\"request_log_url\":null}}");
		assertThat(mapper.writeValueAsString(WITH_QUOTA))
			.isEqualTo("{\"error\":{\"code\":\"limit_exceeded\"," + "\"type\":\"invalid_request_error\","
					+ "\"message\":\"You have reached the maximum number of sandbox accounts for your plan.\","
					+ "\"param\":\"sandbox\",\"doc_url\":\"https://docs.augno.com/api/errors#limit_exceeded\","
					+ "\"is_transient\":false,\"quota\":{\"limit\":5,\"used\":5,\"reset_at\":\"2026-12-01T00:00:00Z\"},"
					+ "\"request_log_url\":\"https://augno.com/dashboard/request-logs/rq_0123456789abcdefghij\"}}");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileMappers")
	void readsAnEnvelopeBackIntoTheCoreTypes(String name, JsonMapper mapper) {
		String json = PLAIN.writeValueAsString(WITH_QUOTA);
		assertThat(mapper.readValue(json, ErrorEnvelope.class)).isEqualTo(WITH_QUOTA);
		assertThat(mapper.readValue(PLAIN.writeValueAsString(WITH_NULLS), ErrorEnvelope.class)).isEqualTo(WITH_NULLS);
	}

	@Test
	void readsTheDocumentationsExampleAsAClientWould() {
		String documented = """
				{
				    "error": {
				        "code": "idempotency_in_progress",
				        "type": "idempotency_error",
				        "message": "Request for the idempotency key 'req_abc123' is already being processed.",
				        "param": null,
				        "doc_url": "https://docs.augno.com/api/errors#idempotency_in_progress",
				        "is_transient": true,
				        "quota": null,
				        "request_log_url": "https://augno.com/dashboard/request-logs/rq_fbv1ygmybo3eauykr74"
				    }
				}
				""";
		AugnoError error = PLAIN.readValue(documented, ErrorEnvelope.class).error();
		assertThat(error.type()).isEqualTo(ErrorType.IDEMPOTENCY_ERROR);
		assertThat(error.isTransient()).isTrue();
		assertThat(error.param()).isNull();
		assertThat(error.requestLogUrl()).endsWith("rq_fbv1ygmybo3eauykr74");
	}

	@Test
	void writesResetAtAsAnIsoInstantInUtc() {
		ErrorEnvelope envelope = new ErrorEnvelope(FACTORY.create(
				AugnoException.of("limit_exceeded").quota(10, 11, Instant.parse("2026-12-01T10:15:30.5+02:00")), null));
		JsonNode quota = PLAIN.readTree(PLAIN.writeValueAsString(envelope)).get("error").get("quota");
		assertThat(quota.get("reset_at").asString()).isEqualTo("2026-12-01T08:15:30.500Z");
		assertThat(quota.get("limit").isIntegralNumber()).isTrue();
	}

	@Test
	void escapesWhateverTheMessageAndParamContain() {
		String hostile = "\"}],\n\t\u0000\u2028</script><!-- \\ \uD83D\uDE00";
		ErrorEnvelope envelope = new ErrorEnvelope(
				FACTORY.create(AugnoException.of("validation_failed").message(hostile).param(hostile), "rq_x"));
		String json = PLAIN.writeValueAsString(envelope);
		JsonNode error = PLAIN.readTree(json).get("error");
		assertThat(error.get("message").asString()).isEqualTo(hostile);
		assertThat(error.get("param").asString()).isEqualTo(hostile);
		assertThat(keys(error)).hasSize(8);
	}

	private static List<String> keys(JsonNode node) {
		List<String> keys = new ArrayList<>();
		node.propertyNames().forEach(keys::add);
		return keys;
	}

}
