package com.augno.errors.test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What the contract says of single members: their JSON types, the members of
 * {@code quota}, and what a message meant for end users never shows.
 */
final class ContractRules {

	static final List<String> QUOTA_KEYS = List.of("limit", "used", "reset_at");

	private static final Map<String, String> JSON_TYPES = Map.of("code", "a string", "type",
			"invalid_request_error, api_error or idempotency_error", "message", "a non-blank string", "param",
			"a string or null", "doc_url", "a string", "is_transient", "a boolean", "quota", "an object or null",
			"request_log_url", "a string or null");

	/**
	 * An exception's name, a stack frame, a package of the JDK or of a framework, a
	 * parser's location, SQL state: what an exception's own message brings along.
	 */
	private static final Pattern LEAK = Pattern.compile("Exception|Throwable|\\tat |\\bat [\\w$]+(\\.[\\w$]+)+\\("
			+ "|(?<![\\w.])(java|javax|jakarta|jdk|sun|org\\.springframework|org\\.apache|org\\.hibernate"
			+ "|org\\.postgresql|tools\\.jackson|com\\.fasterxml)\\.[a-z][\\w.$]*"
			+ "|\\[Source: |\\bline: \\d+, column: \\d+|SQLSTATE|SQL state");

	/**
	 * What the starter accepts and generates as a request id.
	 */
	private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	private ContractRules() {
	}

	static String jsonType(String member) {
		return JSON_TYPES.get(member);
	}

	static boolean isRequestId(String value) {
		return REQUEST_ID.matcher(value).matches();
	}

	/**
	 * Return the first internal detail a value shows.
	 * @param value the value
	 * @return the detail, or {@code null} if none
	 */
	static @Nullable String leak(@Nullable String value) {
		if (value == null) {
			return null;
		}
		Matcher matcher = LEAK.matcher(value);
		return matcher.find() ? "\"" + matcher.group() + "\"" : null;
	}

}
