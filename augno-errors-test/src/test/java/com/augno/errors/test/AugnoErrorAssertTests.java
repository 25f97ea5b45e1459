package com.augno.errors.test;

import java.nio.charset.StandardCharsets;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorLinks;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.ErrorType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each check of {@link AugnoErrorAssert} passes on a valid response and fails, saying
 * what it expected, what it found and showing the response, on a response wrong in that
 * one point.
 */
class AugnoErrorAssertTests {

	private static final String REQUEST_ID = "rq_fbv1ygmybo3eauykr74";

	private static final String NOT_FOUND = """
			{"error":{"code":"resource_not_found","type":"invalid_request_error",\
			"message":"Shipping term not found.","param":"id",\
			"doc_url":"https://docs.augno.com/api/errors#resource_not_found","is_transient":false,"quota":null,\
			"request_log_url":"https://augno.com/dashboard/request-logs/rq_fbv1ygmybo3eauykr74"}}""";

	@Test
	void passesOnAValidResponseAndChecksEachMember() {
		AugnoErrors.assertThat(response(404, NOT_FOUND))
			.isAugnoError("resource_not_found")
			.hasMessage("Shipping term not found.")
			.hasMessageContaining("term")
			.hasParam("id")
			.isNotTransient()
			.hasNoQuota()
			.hasRequestId(REQUEST_ID)
			.hasContentLength()
			.hasStatus(404);
	}

	@Test
	void failsOnAnotherCode() {
		assertFails(response(404, NOT_FOUND), "resource_gone", "Expecting code to be:", "\"resource_gone\"",
				"\"resource_not_found\"");
	}

	@Test
	void failsOnABodyThatIsNotJson() {
		assertFails(response(502, "<html>Bad gateway</html>"), "resource_not_found", "the body is not one JSON value",
				"<html>Bad gateway</html>");
	}

	@Test
	void failsOnAnEmptyBody() {
		assertFails(response(404, ""), "resource_not_found", "Expecting the body to be a JSON object", "(empty body)");
	}

	@Test
	void failsOnADuplicateMember() {
		assertFails(response(404, NOT_FOUND.replace("\"param\":\"id\"", "\"param\":\"id\",\"param\":\"x\"")),
				"resource_not_found", "the body is not one JSON value", "Duplicate");
	}

	@Test
	void failsOnAMemberBesideError() {
		assertFails(response(404, NOT_FOUND.replace("}}", "},\"debug\":true}")), "resource_not_found",
				"Expecting members of the body to be:", "[error, debug]");
	}

	@Test
	void failsOnKeysOutOfOrder() {
		String reordered = NOT_FOUND.replace("\"code\":\"resource_not_found\",\"type\":\"invalid_request_error\"",
				"\"type\":\"invalid_request_error\",\"code\":\"resource_not_found\"");
		assertFails(response(404, reordered), "resource_not_found", "Expecting members of \"error\", in order",
				"[type, code, message");
	}

	@Test
	void failsOnAMissingKey() {
		assertFails(response(404, NOT_FOUND.replace("\"quota\":null,", "")), "resource_not_found",
				"Expecting members of \"error\", in order",
				"[code, type, message, param, doc_url, is_transient, " + "request_log_url]");
	}

	@Test
	void failsOnAWrongJsonType() {
		assertFails(response(404, NOT_FOUND.replace("\"is_transient\":false", "\"is_transient\":\"false\"")),
				"resource_not_found", "Expecting \"is_transient\" of the Augno error to be a boolean");
	}

	@Test
	void failsOnAnUnknownType() {
		assertFails(response(404, NOT_FOUND.replace("invalid_request_error", "client_error")), "resource_not_found",
				"Expecting \"type\" of the Augno error to be invalid_request_error, api_error or idempotency_error");
	}

	@Test
	void failsOnAnotherTypeThanTheCodes() {
		assertFails(response(404, NOT_FOUND.replace("invalid_request_error", "api_error")), "resource_not_found",
				"Expecting type to be:", "\"invalid_request_error\"", "\"api_error\"");
	}

	@Test
	void acceptsAnotherTypeWhenExpected() {
		String reused = NOT_FOUND.replace("resource_not_found", "validation_failed")
			.replace("invalid_request_error", "idempotency_error");
		AugnoErrors.assertThat(response(400, reused))
			.isAugnoError("validation_failed", ErrorType.IDEMPOTENCY_ERROR)
			.isNotTransient();
	}

	@Test
	void failsOnACodeTheRegistryDoesNotKnow() {
		assertFails(response(404, NOT_FOUND.replace("resource_not_found", "shelf_empty")), null,
				"to be registered in the error registry", "\"shelf_empty\"");
	}

	@Test
	void failsOnAnotherStatusThanTheRegistrys() {
		assertFails(response(400, NOT_FOUND), "resource_not_found",
				"Expecting HTTP status of resource_not_found to be:", "404", "400");
	}

	@Test
	void acceptsAStatusNoCodeStandsForWithTheCodeItFallsBackTo() {
		// The server keeps a status the application chose, such as a 422 or a 501.
		String invalid = NOT_FOUND.replace("resource_not_found", "validation_failed");
		AugnoErrors.assertThat(response(422, invalid)).isAugnoError("validation_failed").hasStatus(422);
		assertFails(response(409, invalid), "validation_failed", "Expecting HTTP status of validation_failed to be:",
				"400", "409");
		assertFails(response(422, NOT_FOUND), "resource_not_found",
				"Expecting HTTP status of resource_not_found to be:", "404", "422");
	}

	@Test
	void keepsTheServersRuleWhenTheServiceHasACodeOfItsOwnAtThatStatus() {
		// The server answers a ResponseStatusException(422) with validation_failed at 422
		// whatever codes the service registers: only the framework's codes stand for a
		// status.
		ErrorRegistry registry = ErrorRegistry.builder()
			.register(ErrorCode.of("shelf_locked", 422, ErrorType.INVALID_REQUEST_ERROR, false, "The shelf is locked."))
			.build();
		ErrorContract contract = ErrorContract.of(registry, ErrorLinks.defaults());
		String invalid = NOT_FOUND.replace("resource_not_found", "validation_failed");
		AugnoErrors.assertThat(response(422, invalid)).using(contract).isAugnoError("validation_failed").hasStatus(422);
		// A status one of the framework's codes stands for is answered with that code.
		assertThatExceptionOfType(AssertionError.class).isThrownBy(
				() -> AugnoErrors.assertThat(response(415, invalid)).using(contract).isAugnoError("validation_failed"))
			.withMessageContaining("Expecting HTTP status of validation_failed to be:");
	}

	@Test
	void leavesTheStatusOutOfAResponseWithoutOne() {
		AugnoErrors.assertThat(response(505, NOT_FOUND).withoutStatus()).isAugnoError("resource_not_found");
		assertFails(response(505, NOT_FOUND).withoutStatus(), "resource_gone", "Expecting code to be:");
	}

	@Test
	void failsOnTransienceThatIsNotTheRegistrys() {
		assertFails(response(404, NOT_FOUND.replace("\"is_transient\":false", "\"is_transient\":true")),
				"resource_not_found", "Expecting is_transient to be:", "false", "true");
	}

	@Test
	void failsOnADocUrlThatIsNotTheRegistrys() {
		assertFails(response(404, NOT_FOUND.replace("errors#resource_not_found", "errors#not_found")),
				"resource_not_found", "Expecting doc_url to be:",
				"\"https://docs.augno.com/api/errors#resource_not_found\"");
	}

	@Test
	void takesDocUrlAndStatusFromTheRegistryItIsGiven() {
		ErrorRegistry registry = ErrorRegistry.builder()
			.register(ErrorCode.of("shelf_empty", 409, ErrorType.INVALID_REQUEST_ERROR, false, "The shelf is empty."))
			.build();
		ErrorContract contract = ErrorContract.of(registry,
				new ErrorLinks("https://docs.example.com/errors", "https://logs.example.com/{request_id}"));
		String body = NOT_FOUND.replace("resource_not_found", "shelf_empty")
			.replace("https://docs.augno.com/api/errors", "https://docs.example.com/errors")
			.replace("https://augno.com/dashboard/request-logs/", "https://logs.example.com/");
		AugnoErrors.assertThat(response(409, body)).using(contract).isAugnoError("shelf_empty");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> AugnoErrors.assertThat(response(409, body)).isAugnoError("shelf_empty"))
			.withMessageContaining("to be registered in the error registry");
	}

	@Test
	void failsOnAQuotaOutsideLimitExceeded() {
		assertFails(
				response(404,
						NOT_FOUND.replace("\"quota\":null",
								"\"quota\":{\"limit\":1,\"used\":1," + "\"reset_at\":null}")),
				"resource_not_found", "\"quota\" of an Augno error other than limit_exceeded");
	}

	@Test
	void checksTheQuotaOfLimitExceeded() {
		String limit = NOT_FOUND.replace("resource_not_found", "limit_exceeded")
			.replace("\"quota\":null", "\"quota\":{\"limit\":5,\"used\":5,\"reset_at\":\"2026-12-01T00:00:00Z\"}");
		AugnoErrors.assertThat(response(403, limit))
			.isAugnoError("limit_exceeded")
			.hasQuota(5, 5, "2026-12-01T00:00:00Z");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> AugnoErrors.assertThat(response(403, limit)).hasQuota(5, 4, null))
			.withMessageContaining("Expecting quota to be:")
			.withMessageContaining("{\"limit\":5,\"used\":4,\"reset_at\":null}");
		assertFails(response(403, limit.replace("\"used\":5", "\"used\":\"5\"")), "limit_exceeded",
				"Expecting \"quota\" of the Augno error to be");
	}

	@Test
	void failsOnAMessageThatLeaksAnException() {
		assertFails(
				response(404, NOT_FOUND.replace("Shipping term not found.", "java.lang.IllegalStateException: boom")),
				"resource_not_found",
				"\"message\" of the Augno error to show no internal detail, but found \"java.lang.IllegalStateException\"");
	}

	@Test
	void failsOnAMessageThatLeaksAParserLocation() {
		assertFails(
				response(404,
						NOT_FOUND.replace("Shipping term not found.",
								"Unexpected character [Source: REDACTED; line: 1, column: 2]")),
				"resource_not_found", "show no internal detail", "\"[Source: \"");
	}

	@Test
	void failsOnAWrongContentType() {
		assertFails(withHeader("Content-Type", "text/html"), "resource_not_found",
				"Expecting Content-Type header to be:", "[application/json]", "[text/html]");
	}

	@Test
	void failsWithoutCacheControlNoStore() {
		assertFails(withHeader("Cache-Control", null), "resource_not_found", "Expecting Cache-Control header to be:",
				"[no-store]", "[]");
	}

	@Test
	void failsWithoutARequestIdHeader() {
		assertFails(withHeader("Request-Id", null), "resource_not_found",
				"Expecting Request-Id header to be one request id");
	}

	@Test
	void failsOnARequestIdThatIsNotAToken() {
		assertFails(withHeader("Request-Id", "bad id\"<script>"), "resource_not_found",
				"Expecting Request-Id header to be one request id", "[bad id\"<script>]");
	}

	@Test
	void failsWhenTheRequestLogUrlIsNotTheLinkOfTheRequestId() {
		assertFails(withHeader("Request-Id", "rq_other"), "resource_not_found",
				"Expecting request_log_url (the link of the Request-Id header) to be:",
				"\"https://augno.com/dashboard/request-logs/rq_other\"");
	}

	@Test
	void failsOnAWrongContentLength() {
		assertFails(withHeader("Content-Length", "3"), "resource_not_found", "Expecting Content-Length header to be:",
				"[3]");
	}

	@Test
	void failsOnAnExceptionNoHandlerResolved() {
		CapturedResponse failed = new CapturedResponse(200, new HttpHeaders(), "", new IllegalStateException("boom"));
		assertFails(failed, "resource_not_found", "the request ended with an exception no handler resolved",
				"java.lang.IllegalStateException: boom");
	}

	@Test
	void eachMemberCheckSaysWhatItExpectedAndFound() {
		AugnoErrorAssert assertion = AugnoErrors.assertThat(response(404, NOT_FOUND))
			.isAugnoError("resource_not_found");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertion.hasMessage("Gone."))
			.withMessageContaining("Expecting message to be:\n  \"Gone.\"\nbut was:\n  \"Shipping term not found.\"");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertion.hasMessageContaining("account"))
			.withMessageContaining("to contain");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertion.hasParam("name"))
			.withMessageContaining("Expecting param to be:\n  \"name\"\nbut was:\n  \"id\"");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(assertion::hasNoParam)
			.withMessageContaining("Expecting param to be:\n  null");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(assertion::isTransient)
			.withMessageContaining("Expecting is_transient to be:\n  true\nbut was:\n  false");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertion.hasRequestId("rq_x"))
			.withMessageContaining("Expecting Request-Id header to be:\n  \"rq_x\"");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertion.hasDocUrl("https://x"))
			.withMessageContaining("Expecting doc_url to be:\n  \"https://x\"");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertion.hasStatus(410))
			.withMessageContaining("Expecting HTTP status to be:\n  410\nbut was:\n  404");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertion.hasQuota(1, 1, null))
			.withMessageContaining("Expecting quota to be:");
	}

	@Test
	void theFailureMessageShowsTheWholeResponse() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> AugnoErrors.assertThat(response(404, NOT_FOUND)).isAugnoError("resource_gone"))
			.withMessageContaining("in the response:\n  HTTP 404\n  Content-Type: application/json\n")
			.withMessageContaining("Request-Id: " + REQUEST_ID)
			.withMessageContaining(NOT_FOUND);
	}

	@Test
	void aBodyAloneIsCheckedWithoutStatusAndHeaders() {
		AugnoErrors.assertThat(CapturedResponse.bodyOnly(NOT_FOUND)).isAugnoError("resource_not_found").hasParam("id");
		assertFails(CapturedResponse.bodyOnly(NOT_FOUND.replace("errors#resource_not_found", "errors#x")),
				"resource_not_found", "Expecting doc_url to be:");
	}

	private static void assertFails(CapturedResponse response, @Nullable String code, String... messageParts) {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> {
			AugnoErrorAssert assertion = AugnoErrors.assertThat(response);
			if (code != null) {
				assertion.isAugnoError(code);
			}
			else {
				assertion.isAugnoError();
			}
		}).withMessageContainingAll(messageParts);
	}

	private static CapturedResponse withHeader(String name, @Nullable String value) {
		HttpHeaders headers = headers(NOT_FOUND);
		if (value != null) {
			headers.set(name, value);
		}
		else {
			headers.remove(name);
		}
		return CapturedResponse.of(404, headers, NOT_FOUND);
	}

	static CapturedResponse response(int status, String body) {
		return CapturedResponse.of(status, headers(body), body);
	}

	private static HttpHeaders headers(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Content-Type", "application/json");
		headers.set("Cache-Control", "no-store");
		headers.set("Request-Id", REQUEST_ID);
		headers.set("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
		return headers;
	}

}
