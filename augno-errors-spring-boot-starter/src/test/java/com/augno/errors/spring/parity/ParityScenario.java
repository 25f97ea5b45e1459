package com.augno.errors.spring.parity;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request and what both stacks must answer it with.
 *
 * @param name what the scenario shows
 * @param method the request's method
 * @param path the request's path and query
 * @param headers the request's headers
 * @param body the request's body, or {@code null}
 * @param status the status expected
 * @param code the error code expected
 * @param param the {@code param} expected, or {@code null}
 * @param responseHeaders headers the response must carry, with their values
 */
record ParityScenario(String name, String method, String path, Map<String, String> headers, @Nullable String body,
		int status, String code, @Nullable String param, Map<String, String> responseHeaders) {

	private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

	/**
	 * Every row of the README's failure table that applies to both stacks.
	 */
	static final List<ParityScenario> ALL = List.of(
			new ParityScenario("unknown URL", "GET", "/parity/nothing-here", Map.of(), null, 404, "resource_not_found",
					null, Map.of()),
			new ParityScenario("wrong method", "DELETE", "/parity/items/1", Map.of(), null, 405, "method_not_allowed",
					null, Map.of("Allow", "GET")),
			new ParityScenario("not acceptable", "GET", "/parity/items/1", Map.of("Accept", "application/xml"), null,
					406, "not_acceptable", null, Map.of("Accept", "application/json")),
			new ParityScenario("unsupported media type", "POST", "/parity/items", Map.of("Content-Type", "text/plain"),
					"hello", 415, "unsupported_media_type", null, Map.of("Accept", "application/json")),
			new ParityScenario("malformed JSON", "POST", "/parity/items", JSON, "{\"name\":", 400, "validation_failed",
					null, Map.of()),
			new ParityScenario("wrong JSON type", "POST", "/parity/items", JSON,
					"{\"name\":\"a\",\"quantity\":\"many\"}", 400, "invalid_format", "quantity", Map.of()),
			new ParityScenario("@Valid body", "POST", "/parity/items", JSON, "{\"quantity\":1}", 400, "missing_field",
					"name", Map.of()),
			new ParityScenario("missing parameter", "GET", "/parity/search", Map.of(), null, 400, "parameter_missing",
					"q", Map.of()),
			new ParityScenario("invalid parameter", "GET", "/parity/search?q=a&limit=abc", Map.of(), null, 400,
					"parameter_invalid", "limit", Map.of()),
			new ParityScenario("invalid path variable", "GET", "/parity/items/abc", Map.of(), null, 400,
					"parameter_invalid", "id", Map.of()),
			new ParityScenario("method validation", "GET", "/parity/page?size=0", Map.of(), null, 400,
					"parameter_invalid", "size", Map.of()),
			new ParityScenario("AugnoException", "GET", "/parity/augno", Map.of(), null, 404, "resource_not_found",
					"id", Map.of()),
			new ParityScenario("AugnoException in a Mono", "GET", "/parity/mono-augno", Map.of(), null, 404,
					"resource_not_found", "id", Map.of()),
			new ParityScenario("ResponseStatusException", "GET", "/parity/status", Map.of(), null, 409,
					"resource_conflict", null, Map.of()),
			new ParityScenario("rejected work in a Mono", "GET", "/parity/busy", Map.of(), null, 503,
					"service_unavailable", null, Map.of()),
			new ParityScenario("unknown throwable", "GET", "/parity/boom", Map.of(), null, 500, "internal_error", null,
					Map.of()));

	@Override
	public String toString() {
		return this.name;
	}

}
