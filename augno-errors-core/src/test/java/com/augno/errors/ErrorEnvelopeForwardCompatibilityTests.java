package com.augno.errors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client built with this version reads envelopes from a newer service: a type or a
 * member added later parses, and the type is written back as it was received.
 */
class ErrorEnvelopeForwardCompatibilityTests {

	// A client's mapper may be strict about unknown members; the envelope must not care.
	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final String FROM_A_NEWER_SERVICE = """
			{
			    "error": {
			        "code": "plan_frozen",
			        "type": "new_error_type",
			        "message": "Your plan is frozen.",
			        "param": null,
			        "doc_url": "https://docs.augno.com/api/errors#plan_frozen",
			        "is_transient": false,
			        "quota": {"limit": 5, "used": 5, "reset_at": null, "window": "month"},
			        "request_log_url": "https://augno.com/dashboard/request-logs/rq_fbv1ygmybo3eauykr74",
			        "retry_hint": "never"
			    },
			    "trace": {"id": "abc"}
			}
			""";

	@Test
	void readsATypeAddedByANewerServiceKeepingItsWireName() {
		AugnoError error = STRICT.readValue(FROM_A_NEWER_SERVICE, ErrorEnvelope.class).error();
		assertThat(error.typeName()).isEqualTo("new_error_type");
		assertThat(error.type()).isNull();
		assertThat(error.code()).isEqualTo("plan_frozen");
		assertThat(error.message()).isEqualTo("Your plan is frozen.");
		assertThat(error.isTransient()).isFalse();
		assertThat(error.quota()).isEqualTo(new Quota(5, 5, null));
		assertThat(error.requestLogUrl()).endsWith("rq_fbv1ygmybo3eauykr74");
	}

	@Test
	void writesAnUnknownTypeBackAsItWasReceived() {
		ErrorEnvelope envelope = STRICT.readValue(FROM_A_NEWER_SERVICE, ErrorEnvelope.class);
		JsonNode written = STRICT.readTree(STRICT.writeValueAsString(envelope)).get("error");
		assertThat(written.get("type").asString()).isEqualTo("new_error_type");
		assertThat(written.propertyNames()).containsExactly("code", "type", "message", "param", "doc_url",
				"is_transient", "quota", "request_log_url");
	}

	@Test
	void readsAKnownTypeAsItsConstant() {
		String known = FROM_A_NEWER_SERVICE.replace("new_error_type", "api_error");
		AugnoError error = STRICT.readValue(known, ErrorEnvelope.class).error();
		assertThat(error.type()).isEqualTo(ErrorType.API_ERROR);
		assertThat(error.typeName()).isEqualTo("api_error");
	}

	@Test
	void findsOnlyTheTypesThisVersionKnows() {
		assertThat(ErrorType.find("idempotency_error")).isEqualTo(ErrorType.IDEMPOTENCY_ERROR);
		assertThat(ErrorType.find("new_error_type")).isNull();
		assertThat(ErrorType.find(null)).isNull();
	}

}
