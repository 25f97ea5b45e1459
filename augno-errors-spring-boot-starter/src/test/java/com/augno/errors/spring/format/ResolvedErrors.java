package com.augno.errors.spring.format;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.Quota;
import com.augno.errors.spring.mapping.Violation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Resolved errors for the format tests, as the handler builds them.
 */
final class ResolvedErrors {

	static final String REQUEST_ID = "rq_fbv1ygmybo3eauykr74";

	private ResolvedErrors() {
	}

	static ResolvedError limitExceeded(Map<String, Object> members, @Nullable String instance) {
		ErrorCode code = ErrorCodes.LIMIT_EXCEEDED;
		AugnoError error = new AugnoError(code.code(), code.type(),
				"You have reached the maximum number of sandbox accounts for your plan.", null,
				"https://docs.augno.com/api/errors#limit_exceeded", false,
				new Quota(5, 5, Instant.parse("2026-12-01T00:00:00Z")),
				"https://augno.com/dashboard/request-logs/" + REQUEST_ID);
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "60");
		return new ResolvedError(code, error, 403, "Forbidden", List.of(), REQUEST_ID, instance, Locale.ENGLISH,
				headers, members);
	}

	static ResolvedError invalidBody() {
		ErrorCode code = ErrorCodes.MISSING_FIELD;
		AugnoError error = new AugnoError(code.code(), code.type(), "Name is required.", "name",
				"https://docs.augno.com/api/errors#missing_field", false, null, null);
		List<Violation> violations = List.of(
				new Violation("name", Violation.Location.BODY, "NotBlank", "Name is required.",
						ErrorCodes.MISSING_FIELD),
				new Violation("email", Violation.Location.BODY, "Email", "Email must be a valid email address.",
						ErrorCodes.INVALID_FORMAT),
				new Violation("limit", Violation.Location.QUERY, "Positive", "Limit must be greater than zero.",
						ErrorCodes.PARAMETER_INVALID));
		return new ResolvedError(code, error, 400, "Bad Request", violations, REQUEST_ID, "/items", Locale.ENGLISH,
				new HttpHeaders(), Map.of());
	}

}
