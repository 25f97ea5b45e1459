package com.augno.errors.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorType;
import com.augno.errors.StatusCodes;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Assertions on one Augno error response. {@link #isAugnoError(String)} checks the whole
 * response against the {@link ErrorContract}: the body is one {@code error} object with
 * its eight members in the contract's order and of the contract's JSON types, status,
 * transience and {@code doc_url} are the registry's, {@code request_log_url} is the link
 * of the request id the response header carries, {@code Content-Type} is
 * {@code application/json}, {@code Cache-Control} is {@code no-store}, and the message
 * shows no exception, stack frame or parser detail. The other assertions then check one
 * member each.
 * <p>
 * Every failure shows the expected value, the actual one and the whole response.
 *
 * @since 0.1.0
 */
public final class AugnoErrorAssert extends AbstractAssert<AugnoErrorAssert, CapturedResponse> {

	private @Nullable ErrorContract contract;

	private @Nullable JsonNode error;

	AugnoErrorAssert(CapturedResponse actual) {
		super(actual, AugnoErrorAssert.class);
	}

	/**
	 * Check against another contract than the {@linkplain ErrorContract#current()
	 * current} one, such as one built from a registry outside a Spring test.
	 * @param contract the contract
	 * @return this assertion
	 */
	public AugnoErrorAssert using(ErrorContract contract) {
		this.contract = contract;
		return this;
	}

	/**
	 * Check that the response is a whole, valid Augno error of a code reported with the
	 * code's own type.
	 * @param code the expected code
	 * @return this assertion
	 */
	public AugnoErrorAssert isAugnoError(String code) {
		return checkEnvelope(code, null);
	}

	/**
	 * Check that the response is a whole, valid Augno error of a code reported with
	 * another type than its own, such as {@code validation_failed} as an
	 * {@code idempotency_error}.
	 * @param code the expected code
	 * @param type the expected type
	 * @return this assertion
	 */
	public AugnoErrorAssert isAugnoError(String code, ErrorType type) {
		return checkEnvelope(code, type);
	}

	/**
	 * Check that the response is a whole, valid Augno error of any registered code.
	 * @return this assertion
	 */
	public AugnoErrorAssert isAugnoError() {
		return checkEnvelope(null, null);
	}

	/**
	 * Check the message.
	 * @param message the expected message
	 * @return this assertion
	 */
	public AugnoErrorAssert hasMessage(String message) {
		return checkMember("message", message, stringOrNull(error().get("message")));
	}

	/**
	 * Check that the message contains some text.
	 * @param text the expected text
	 * @return this assertion
	 */
	public AugnoErrorAssert hasMessageContaining(String text) {
		String message = stringOrNull(error().get("message"));
		if (message == null || !message.contains(text)) {
			throw failure("\"message\" of the Augno error to contain", text, message);
		}
		return this;
	}

	/**
	 * Check the parameter at fault.
	 * @param param the expected {@code param}, or {@code null} for none
	 * @return this assertion
	 */
	public AugnoErrorAssert hasParam(@Nullable String param) {
		return checkMember("param", param, stringOrNull(error().get("param")));
	}

	/**
	 * Check that no parameter is named: {@code param} is null.
	 * @return this assertion
	 */
	public AugnoErrorAssert hasNoParam() {
		return checkMember("param", null, stringOrNull(error().get("param")));
	}

	/**
	 * Check that retrying may succeed.
	 * @return this assertion
	 */
	public AugnoErrorAssert isTransient() {
		return checkMember("is_transient", true, error().get("is_transient").booleanValue());
	}

	/**
	 * Check that retrying cannot succeed.
	 * @return this assertion
	 */
	public AugnoErrorAssert isNotTransient() {
		return checkMember("is_transient", false, error().get("is_transient").booleanValue());
	}

	/**
	 * Check the quota.
	 * @param limit the expected limit
	 * @param used the expected use
	 * @param resetAt the expected reset time as the body writes it, or {@code null}
	 * @return this assertion
	 */
	public AugnoErrorAssert hasQuota(long limit, long used, @Nullable String resetAt) {
		JsonNode quota = error().get("quota");
		String expected = "{\"limit\":" + limit + ",\"used\":" + used + ",\"reset_at\":"
				+ ((resetAt != null) ? "\"" + resetAt + "\"" : "null") + "}";
		return checkMember("quota", expected, quota.isNull() ? null : quota.toString());
	}

	/**
	 * Check that {@code quota} is null.
	 * @return this assertion
	 */
	public AugnoErrorAssert hasNoQuota() {
		JsonNode quota = error().get("quota");
		return checkMember("quota", null, quota.isNull() ? null : quota.toString());
	}

	/**
	 * Check the request id, which {@link #isAugnoError(String)} has checked to be the one
	 * of {@code request_log_url}.
	 * @param requestId the expected request id
	 * @return this assertion
	 */
	public AugnoErrorAssert hasRequestId(String requestId) {
		return checkMember(contract().requestIdHeader() + " header", requestId, requestId());
	}

	/**
	 * Check {@code doc_url} against a literal link rather than the registry's.
	 * @param docUrl the expected link
	 * @return this assertion
	 */
	public AugnoErrorAssert hasDocUrl(String docUrl) {
		return checkMember("doc_url", docUrl, stringOrNull(error().get("doc_url")));
	}

	/**
	 * Return whether the server answers a code with a status: the code's own, or a status
	 * the application chose that no code stands for (a 422, a 501) with the code it falls
	 * back to, by the rule the server applies ({@link StatusCodes#answerStatus}).
	 */
	private static boolean isAnsweredWith(ErrorCode registered, int status) {
		return StatusCodes.answerStatus(registered, registered.status(), () -> status) == status;
	}

	/**
	 * Check the HTTP status literally, beside the registry's that
	 * {@link #isAugnoError(String)} checks: for a code whose status is configured.
	 * @param status the expected status
	 * @return this assertion
	 */
	public AugnoErrorAssert hasStatus(int status) {
		isNotNull();
		return checkMember("HTTP status", status, this.actual.status());
	}

	/**
	 * Check that the response declares its length, and that it is the body's.
	 * @return this assertion
	 */
	public AugnoErrorAssert hasContentLength() {
		return checkMember("Content-Length header", List.of(Integer.toString(bodyLength())),
				this.actual.header("Content-Length"));
	}

	/**
	 * Return the request id of the response header, to look for in the logs.
	 * @return the request id
	 */
	public String requestId() {
		isNotNull();
		List<String> values = this.actual.header(contract().requestIdHeader());
		if (values.isEmpty()) {
			throw failure(contract().requestIdHeader() + " header to be", "a request id", values);
		}
		return values.get(0);
	}

	/**
	 * Return the response's {@code error} object, for checks of its own.
	 * @return the object
	 */
	public JsonNode error() {
		if (this.error == null) {
			this.error = readError();
		}
		return this.error;
	}

	private AugnoErrorAssert checkEnvelope(@Nullable String expectedCode, @Nullable ErrorType expectedType) {
		JsonNode error = error();
		checkMemberTypes(error);
		String code = error.get("code").asString();
		if (expectedCode != null) {
			checkMember("code", expectedCode, code);
		}
		ErrorContract contract = contract();
		ErrorCode registered = contract.registry().find(code);
		if (registered == null) {
			throw failure(
					"\"code\" of the Augno error to be registered in the error registry "
							+ "(pass the application's with using(ErrorContract.from(context)) outside a Spring test)",
					"one of " + contract.registry().codes().stream().map(ErrorCode::code).toList(), code);
		}
		ErrorType type = ErrorType.fromWireName(error.get("type").asString());
		checkMember("type", (expectedType != null) ? expectedType.wireName() : registered.type().wireName(),
				type.wireName());
		Integer status = this.actual.status();
		if (status != null && !isAnsweredWith(registered, status)) {
			checkMember("HTTP status of " + code, registered.status(), status);
		}
		checkMember("is_transient", registered.isTransient(type), error.get("is_transient").booleanValue());
		checkMember("doc_url", contract.links().docUrl(registered), error.get("doc_url").asString());
		checkQuota(code, error.get("quota"));
		checkLeaks("message", error.get("message").asString());
		checkLeaks("param", stringOrNull(error.get("param")));
		if (this.actual.headers() != null) {
			checkHeaders(contract, stringOrNull(error.get("request_log_url")));
		}
		return this;
	}

	private void checkMemberTypes(JsonNode error) {
		checkJsonType("code", error.get("code").isString(), error);
		checkJsonType("type", ErrorType.find(stringOrNull(error.get("type"))) != null, error);
		checkJsonType("message", error.get("message").isString() && !error.get("message").asString().isBlank(), error);
		checkJsonType("param", error.get("param").isString() || error.get("param").isNull(), error);
		checkJsonType("doc_url", error.get("doc_url").isString(), error);
		checkJsonType("is_transient", error.get("is_transient").isBoolean(), error);
		checkJsonType("quota", error.get("quota").isObject() || error.get("quota").isNull(), error);
		checkJsonType("request_log_url",
				error.get("request_log_url").isString() || error.get("request_log_url").isNull(), error);
	}

	private void checkJsonType(String member, boolean valid, JsonNode error) {
		if (!valid) {
			throw failure("\"" + member + "\" of the Augno error to be " + ContractRules.jsonType(member),
					ContractRules.jsonType(member), error.get(member).toString());
		}
	}

	private void checkQuota(String code, JsonNode quota) {
		if (quota.isNull()) {
			return;
		}
		if (!ErrorCodes.LIMIT_EXCEEDED.code().equals(code)) {
			throw failure("\"quota\" of an Augno error other than limit_exceeded to be", null, quota.toString());
		}
		checkMember("members of \"quota\"", ContractRules.QUOTA_KEYS, EnvelopeReader.names(quota));
		boolean valid = quota.get("limit").isIntegralNumber() && quota.get("used").isIntegralNumber()
				&& (quota.get("reset_at").isString() || quota.get("reset_at").isNull());
		if (!valid) {
			throw failure("\"quota\" of the Augno error to be",
					"{\"limit\": integer, \"used\": integer, " + "\"reset_at\": ISO-8601 string or null}",
					quota.toString());
		}
	}

	private void checkLeaks(String member, @Nullable String value) {
		String leak = ContractRules.leak(value);
		if (leak != null) {
			throw failure("\"" + member + "\" of the Augno error to show no internal detail, but found " + leak
					+ "; expected", "no exception, stack frame, package or parser detail", value);
		}
	}

	private void checkHeaders(ErrorContract contract, @Nullable String requestLogUrl) {
		checkMember("Content-Type header", List.of("application/json"), this.actual.header("Content-Type"));
		checkMember("Cache-Control header", List.of("no-store"), this.actual.header("Cache-Control"));
		List<String> contentLength = this.actual.header("Content-Length");
		if (!contentLength.isEmpty()) {
			checkMember("Content-Length header", List.of(Integer.toString(bodyLength())), contentLength);
		}
		List<String> requestIds = this.actual.header(contract.requestIdHeader());
		if (requestIds.size() != 1 || !ContractRules.isRequestId(requestIds.get(0))) {
			throw failure(contract.requestIdHeader() + " header to be one request id",
					"one value of 1 to 128 letters, digits, '.', '_' or '-'", requestIds);
		}
		checkMember("request_log_url (the link of the " + contract.requestIdHeader() + " header)",
				contract.links().requestLogUrl(requestIds.get(0)), requestLogUrl);
	}

	private JsonNode readError() {
		isNotNull();
		if (this.actual.failure() != null) {
			throw failure("an Augno error response, but the request ended with an exception no handler resolved;"
					+ " expected", "a response", this.actual.failure());
		}
		JsonNode root;
		try {
			root = EnvelopeReader.read(this.actual.body());
		}
		catch (JacksonException ex) {
			throw failure("an Augno error envelope, but the body is not one JSON value (" + ex.getOriginalMessage()
					+ "); expected", "{\"error\": {...}}", this.actual.body());
		}
		if (!root.isObject()) {
			throw failure("the body to be a JSON object", "{\"error\": {...}}", this.actual.body());
		}
		checkMember("members of the body", List.of("error"), EnvelopeReader.names(root));
		JsonNode error = root.get("error");
		if (!error.isObject()) {
			throw failure("\"error\" to be a JSON object", "{...}", error.toString());
		}
		checkMember("members of \"error\", in order", EnvelopeReader.KEYS, EnvelopeReader.names(error));
		return error;
	}

	private AugnoErrorAssert checkMember(String what, @Nullable Object expected, @Nullable Object actualValue) {
		if (!Objects.equals(expected, actualValue)) {
			throw failure(what + " to be", expected, actualValue);
		}
		return this;
	}

	private AssertionError failure(String what, @Nullable Object expected, @Nullable Object actualValue) {
		return failureWithActualExpected(actualValue, expected,
				"%nExpecting %s:%n  %s%nbut was:%n  %s%nin the response:%n%s", what, show(expected), show(actualValue),
				indent(this.actual.toString()));
	}

	private ErrorContract contract() {
		if (this.contract == null) {
			this.contract = ErrorContract.current();
		}
		return this.contract;
	}

	private int bodyLength() {
		return this.actual.body().getBytes(StandardCharsets.UTF_8).length;
	}

	private static @Nullable String stringOrNull(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : node.isString() ? node.asString() : node.toString();
	}

	private static String show(@Nullable Object value) {
		return (value instanceof String) ? "\"" + value + "\"" : String.valueOf(value);
	}

	private static String indent(String text) {
		return "  " + text.replace("\n", "\n  ");
	}

}
