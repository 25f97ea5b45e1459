package com.augno.errors.spring.openapi;

import java.util.List;

import com.augno.errors.ErrorRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The envelope's schemas, written the 3.0 or the 3.1 way.
 */
class ErrorEnvelopeSchemasTests {

	private final ErrorEnvelopeSchemas schemas = new ErrorEnvelopeSchemas(ErrorRegistry.standard());

	@Test
	void openApi30MarksNullableMembersNullable() {
		OpenAPI openApi = new OpenAPI(SpecVersion.V30);
		this.schemas.addTo(openApi);
		Schema<?> error = openApi.getComponents().getSchemas().get(ErrorEnvelopeSchemas.ERROR);
		assertThat(property(error, "param").getNullable()).isTrue();
		assertThat(property(error, "message").getNullable()).isNull();
		assertThat(property(error, "quota").getNullable()).isTrue();
		assertThat(property(error, "quota").getAllOf()).singleElement()
			.satisfies((reference) -> assertThat(reference.get$ref()).endsWith("/AugnoQuota"));
		assertThat(property(error, "param").getTypes()).isNull();
	}

	@Test
	void openApi31UsesNullTypes() {
		OpenAPI openApi = new OpenAPI(SpecVersion.V31);
		this.schemas.addTo(openApi);
		Schema<?> error = openApi.getComponents().getSchemas().get(ErrorEnvelopeSchemas.ERROR);
		assertThat(property(error, "param").getTypes()).containsExactly("string", "null");
		assertThat(property(error, "message").getTypes()).containsExactly("string");
		assertThat(property(error, "quota").getAnyOf()).hasSize(2);
		assertThat(property(error, "code").getEnum()).hasSize(ErrorRegistry.standard().codes().size());
	}

	@Test
	void everyMemberIsRequired() {
		OpenAPI openApi = new OpenAPI(SpecVersion.V31);
		this.schemas.addTo(openApi);
		Schema<?> quota = openApi.getComponents().getSchemas().get(ErrorEnvelopeSchemas.QUOTA);
		assertThat(quota.getRequired()).containsExactlyInAnyOrder("limit", "used", "reset_at");
		Schema<?> envelope = openApi.getComponents().getSchemas().get(ErrorEnvelopeSchemas.ENVELOPE);
		assertThat(envelope.getRequired()).isEqualTo(List.of("error"));
	}

	private static Schema<?> property(Schema<?> schema, String name) {
		return schema.getProperties().get(name);
	}

}
