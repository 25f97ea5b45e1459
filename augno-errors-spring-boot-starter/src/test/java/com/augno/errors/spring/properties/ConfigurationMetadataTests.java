package com.augno.errors.spring.properties;

import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorLinks;
import com.augno.errors.FrameworkCodes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code augno.errors.*} property is documented in the generated configuration
 * metadata, with the default the code really uses.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescription() throws Exception {
		Map<String, JsonNode> properties = properties();
		assertThat(properties).containsKeys("augno.errors.enabled", "augno.errors.doc-base-url",
				"augno.errors.doc-urls", "augno.errors.request-log-url-template", "augno.errors.codes",
				"augno.errors.exceptions", "augno.errors.reject-unknown-parameters",
				"augno.errors.request-id.response-header", "augno.errors.request-id.trusted-header",
				"augno.errors.logging.invalid-request-error", "augno.errors.logging.idempotency-error",
				"augno.errors.logging.api-error", "augno.errors.logging.client-closed-request",
				"augno.errors.logging.stack-trace-interval", "augno.errors.filter.order", "augno.errors.format",
				"augno.errors.format-negotiation");
		assertThat(properties).allSatisfy(
				(name, property) -> assertThat(property.path("description").asString()).as("description of %s", name)
					.isNotBlank()
					.endsWith("."));
	}

	@Test
	void defaultsMatchTheCode() throws Exception {
		Map<String, JsonNode> properties = properties();
		AugnoErrorsProperties defaults = new AugnoErrorsProperties();
		assertThat(properties.get("augno.errors.enabled").get("defaultValue").asBoolean())
			.isEqualTo(defaults.isEnabled());
		assertThat(properties.get("augno.errors.doc-base-url").get("defaultValue").asString())
			.isEqualTo(defaults.getDocBaseUrl())
			.isEqualTo(ErrorLinks.DEFAULT_DOC_BASE_URL);
		assertThat(properties.get("augno.errors.request-log-url-template").get("defaultValue").asString())
			.isEqualTo(defaults.getRequestLogUrlTemplate());
		assertThat(properties.get("augno.errors.request-id.response-header").get("defaultValue").asString())
			.isEqualTo("Request-Id");
		assertThat(properties.get("augno.errors.filter.order").get("defaultValue").asInt())
			.isEqualTo(defaults.getFilter().getOrder());
		assertThat(properties.get("augno.errors.reject-unknown-parameters").get("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("augno.errors.logging.api-error").get("defaultValue").asString()).isEqualTo("error");
		assertThat(properties.get("augno.errors.logging.stack-trace-interval").get("defaultValue").asString())
			.isEqualTo("1m");
		assertThat(defaults.getLogging().getStackTraceInterval()).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.get("augno.errors.format-negotiation").get("defaultValue").asBoolean())
			.isEqualTo(new AugnoErrorsFormatProperties().isFormatNegotiation())
			.isFalse();
		assertThat(properties.get("augno.errors.format").has("defaultValue")).isFalse();
		assertThat(properties.get("augno.errors.format").get("description").asString())
			.contains("augno (the Augno envelope), problem (RFC 9457 problem details)");
	}

	@Test
	void clientPropertiesAreDescribedWithTheirDefaults() throws Exception {
		Map<String, JsonNode> properties = properties();
		AugnoErrorsClientProperties defaults = new AugnoErrorsClientProperties();
		assertThat(properties).containsKeys("augno.errors.client.enabled", "augno.errors.client.request-id-header",
				"augno.errors.client.propagate-request-id", "augno.errors.client.max-body-size",
				"augno.errors.client.max-nesting-depth", "augno.errors.client.pass-through-codes",
				"augno.errors.client.retry.max-attempts", "augno.errors.client.retry.initial-delay",
				"augno.errors.client.retry.multiplier", "augno.errors.client.retry.max-delay",
				"augno.errors.client.retry.jitter", "augno.errors.client.retry.max-retry-after");
		assertThat(properties.get("augno.errors.client.enabled").get("defaultValue").asBoolean())
			.isEqualTo(defaults.isEnabled())
			.isTrue();
		assertThat(properties.get("augno.errors.client.request-id-header").get("defaultValue").asString())
			.isEqualTo(defaults.getRequestIdHeader());
		assertThat(properties.get("augno.errors.client.retry.max-attempts").get("defaultValue").asInt())
			.isEqualTo(defaults.getRetry().getMaxAttempts());
		assertThat(properties.get("augno.errors.client.max-nesting-depth").get("defaultValue").asInt())
			.isEqualTo(defaults.getMaxNestingDepth());
	}

	@Test
	void codesDescribesTheKeysOfEachCode() throws Exception {
		assertThat(properties().get("augno.errors.codes").get("description").asString()).contains("status (",
				"type (invalid_request_error, api_error or idempotency_error)", "transient (", "message (");
	}

	@Test
	void hintsOfferTheBuiltInCodesWhereACodeIsExpected() throws Exception {
		Map<String, JsonNode> hints = named(metadata().get("hints"));
		List<String> builtIn = Stream.concat(ErrorCodes.contract().stream(), FrameworkCodes.all().stream())
			.map(ErrorCode::code)
			.toList();
		for (String name : List.of("augno.errors.doc-urls.keys", "augno.errors.codes.keys",
				"augno.errors.exceptions.values", "augno.errors.client.pass-through-codes")) {
			assertThat(hints).as(name).containsKey(name);
			JsonNode hint = hints.get(name);
			assertThat(hint.get("values").valueStream().map((value) -> value.get("value").asString())).as(name)
				.containsExactlyInAnyOrderElementsOf(builtIn);
			assertThat(hint.get("values").valueStream().map((value) -> value.path("description").asString())).as(name)
				.allSatisfy((description) -> assertThat(description).isNotBlank());
			// A service's own codes are valid too.
			assertThat(hint.get("providers").valueStream().map((provider) -> provider.get("name").asString())).as(name)
				.containsExactly("any");
		}
	}

	@Test
	void hintsOfferThrowableClassesAsExceptionKeys() throws Exception {
		JsonNode hint = named(metadata().get("hints")).get("augno.errors.exceptions.keys");
		assertThat(hint).as("exceptions.keys hint").isNotNull();
		JsonNode provider = hint.get("providers").get(0);
		assertThat(provider.get("name").asString()).isEqualTo("class-reference");
		assertThat(provider.get("parameters").get("target").asString()).isEqualTo(Throwable.class.getName());
	}

	@Test
	void theCatalogueLocationIsDescribedAndCompletedAsAResource() throws Exception {
		assertThat(properties().get("augno.errors.catalogue.location").path("description").asString())
			.contains("classpath:augno-errors.yaml");
		JsonNode hint = named(metadata().get("hints")).get("augno.errors.catalogue.location");
		assertThat(hint).as("catalogue.location hint").isNotNull();
		assertThat(hint.get("providers").get(0).get("name").asString()).isEqualTo("spring-resource-reference");
	}

	private static Map<String, JsonNode> properties() throws Exception {
		return named(metadata().get("properties"));
	}

	private static Map<String, JsonNode> named(JsonNode items) {
		Map<String, JsonNode> named = new LinkedHashMap<>();
		items.forEach((item) -> named.put(item.get("name").asString(), item));
		return named;
	}

	private static JsonNode metadata() throws Exception {
		try (InputStream in = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
