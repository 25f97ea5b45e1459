package com.augno.errors.spring.properties;

import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Idempotency keys and rate limits state what a failing store means in one vocabulary:
 * the same {@link StoreFailurePolicy} values, bound and described alike.
 */
class StoreFailurePolicyTests {

	@Test
	void bothGroupsRejectByDefault() {
		assertThat(new AugnoErrorsIdempotencyProperties().getOnStoreFailure()).isEqualTo(StoreFailurePolicy.REJECT);
		assertThat(new AugnoErrorsRateLimitProperties().getOnStoreFailure()).isEqualTo(StoreFailurePolicy.REJECT);
	}

	@Test
	void proceedBindsInBothGroups() {
		Binder binder = binder(Map.of("augno.errors.idempotency.on-store-failure", "proceed",
				"augno.errors.rate-limits.on-store-failure", "proceed"));
		assertThat(binder.bind("augno.errors.idempotency", AugnoErrorsIdempotencyProperties.class)
			.get()
			.getOnStoreFailure()).isEqualTo(StoreFailurePolicy.PROCEED);
		assertThat(
				binder.bind("augno.errors.rate-limits", AugnoErrorsRateLimitProperties.class).get().getOnStoreFailure())
			.isEqualTo(StoreFailurePolicy.PROCEED);
	}

	@Test
	void theRateLimitsFormerAllowIsNoLongerAValue() {
		Binder binder = binder(Map.of("augno.errors.rate-limits.on-store-failure", "allow"));
		assertThatExceptionOfType(BindException.class).isThrownBy(
				() -> binder.bind("augno.errors.rate-limits", Bindable.of(AugnoErrorsRateLimitProperties.class)));
	}

	@Test
	void theMetadataDescribesBothWithTheSameValuesAndDefault() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		for (String name : new String[] { "augno.errors.idempotency.on-store-failure",
				"augno.errors.rate-limits.on-store-failure" }) {
			JsonNode property = null;
			for (JsonNode candidate : metadata.get("properties")) {
				if (candidate.get("name").asString().equals(name)) {
					property = candidate;
				}
			}
			assertThat(property).as(name).isNotNull();
			assertThat(property.get("type").asString()).isEqualTo(StoreFailurePolicy.class.getName());
			assertThat(property.get("defaultValue").asString()).isEqualTo("reject");
			assertThat(property.get("description").asString()).contains("reject", "proceed");
		}
	}

	private static Binder binder(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties));
	}

}
