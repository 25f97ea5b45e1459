package com.augno.errors.spring.test;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts a whole Augno envelope from its body alone: the single {@code error} member,
 * its eight keys in the contract's order, every value, and the links that follow from
 * code and request id. HTTP tests use the test kit, {@code augno-errors-test}, which also
 * checks status and headers against the registry; this one stays for bodies read without
 * them (hostile-input replies, the writer's own output).
 */
public final class EnvelopeAssert {

	/**
	 * The eight keys of the envelope, in the contract's order.
	 */
	public static final List<String> KEYS = List.of("code", "type", "message", "param", "doc_url", "is_transient",
			"quota", "request_log_url");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final JsonNode error;

	private EnvelopeAssert(JsonNode error) {
		this.error = error;
	}

	/**
	 * Parse a response body and check its shape: one {@code error} member with the eight
	 * keys in order, and no trace of an exception class, stack frame or parser text.
	 * @param body the response body
	 * @return the assertion
	 */
	public static EnvelopeAssert assertEnvelope(String body) {
		JsonNode root = MAPPER.readTree(body);
		assertThat(names(root)).as("top-level keys of %s", body).containsExactly("error");
		JsonNode error = root.get("error");
		assertThat(names(error)).as("keys of %s", body).containsExactlyElementsOf(KEYS);
		assertThat(body).doesNotContain("Exception", "exception", "\tat ", "tools.jackson", "org.springframework",
				"java.lang", "Source:", "line:", "column:");
		return new EnvelopeAssert(error);
	}

	/**
	 * Check code, type, message, param and transience, and that {@code doc_url} is the
	 * default anchor of the code and {@code quota} is null.
	 * @param code the code
	 * @param type the type
	 * @param message the message
	 * @param param the param, or {@code null}
	 * @param isTransient the transience
	 * @return this assertion
	 */
	public EnvelopeAssert is(String code, String type, String message, @Nullable String param, boolean isTransient) {
		return is(code, type, message, param, isTransient, "https://docs.augno.com/api/errors#" + code);
	}

	/**
	 * Check code, type, message, param, transience and {@code doc_url}.
	 * @param code the code
	 * @param type the type
	 * @param message the message
	 * @param param the param, or {@code null}
	 * @param isTransient the transience
	 * @param docUrl the documentation link
	 * @return this assertion
	 */
	public EnvelopeAssert is(String code, String type, String message, @Nullable String param, boolean isTransient,
			String docUrl) {
		assertThat(this.error.get("code").asString()).isEqualTo(code);
		assertThat(this.error.get("type").asString()).isEqualTo(type);
		assertThat(this.error.get("message").asString()).isEqualTo(message);
		if (param == null) {
			assertThat(this.error.get("param").isNull()).as("param is null").isTrue();
		}
		else {
			assertThat(this.error.get("param").asString()).isEqualTo(param);
		}
		assertThat(this.error.get("is_transient").isBoolean()).isTrue();
		assertThat(this.error.get("is_transient").asBoolean()).isEqualTo(isTransient);
		assertThat(this.error.get("doc_url").asString()).isEqualTo(docUrl);
		return this;
	}

	/**
	 * Check an {@code invalid_request_error} that is not transient.
	 * @param code the code
	 * @param message the message
	 * @param param the param, or {@code null}
	 * @return this assertion
	 */
	public EnvelopeAssert isClientError(String code, String message, @Nullable String param) {
		return is(code, "invalid_request_error", message, param, false).hasNoQuota();
	}

	/**
	 * Check that {@code quota} is null.
	 * @return this assertion
	 */
	public EnvelopeAssert hasNoQuota() {
		assertThat(this.error.get("quota").isNull()).as("quota is null").isTrue();
		return this;
	}

	/**
	 * Check that {@code request_log_url} is the default dashboard link of a request id.
	 * @param requestId the request id, as the {@code Request-Id} header carries it
	 * @return this assertion
	 */
	public EnvelopeAssert hasRequestId(@Nullable String requestId) {
		assertThat(requestId).as("Request-Id header").isNotNull().matches("[A-Za-z0-9._-]{1,128}");
		assertThat(this.error.get("request_log_url").asString())
			.isEqualTo("https://augno.com/dashboard/request-logs/" + requestId);
		return this;
	}

	/**
	 * Return a body without its {@code request_log_url}, whose random request id may
	 * contain any short word, for checks that a body names no internal detail.
	 * @param body the response body
	 * @return the body without the request log link
	 */
	public static String withoutRequestLogUrl(String body) {
		return body.replaceAll("\"request_log_url\":\"[^\"]*\"", "");
	}

	/**
	 * Return the parsed {@code error} object, for further checks.
	 * @return the node
	 */
	public JsonNode error() {
		return this.error;
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
