package com.augno.errors.spring.properties;

import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.augno.errors.ErrorLinks;
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
				"augno.errors.logging.stack-trace-interval", "augno.errors.filter.order");
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
	}

	private static Map<String, JsonNode> properties() throws Exception {
		try (InputStream in = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			JsonNode root = JsonMapper.builder().build().readTree(in);
			Map<String, JsonNode> properties = new LinkedHashMap<>();
			root.get("properties").forEach((property) -> properties.put(property.get("name").asString(), property));
			return properties;
		}
	}

}
