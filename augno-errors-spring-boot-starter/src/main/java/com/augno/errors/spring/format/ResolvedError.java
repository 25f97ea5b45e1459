package com.augno.errors.spring.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorCode;
import com.augno.errors.Quota;
import com.augno.errors.spring.mapping.Violation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Everything an {@link ErrorFormat} may render about one failed request, resolved:
 * registry entry, the values of the Augno envelope (with its message in the request's
 * language), status, every violation, request id, the path the client asked for, the
 * protocol headers and the extension members the thrower added.
 *
 * @param entry the registry entry of the code, with the service's overrides
 * @param error the values of the Augno envelope: code, type, message, param, doc URL,
 * transience, quota, request log URL
 * @param status the HTTP status of the response
 * @param title a short summary of the code, the same for every occurrence: its documented
 * title, else the status's reason phrase
 * @param violations every failed constraint of the request, the reported one first; empty
 * when the error is not a validation failure
 * @param requestId the request id, or {@code null} when the request has none
 * @param instance the path the client asked for (problem details' {@code instance}), or
 * {@code null} when it is unknown or unsafe to repeat
 * @param locale the language the messages are in
 * @param headers the protocol headers to send, such as {@code Retry-After} or
 * {@code Allow}; read-only
 * @param members extension members the thrower added, in the order added; the Augno
 * envelope ignores them
 * @since 0.1.0
 */
public record ResolvedError(ErrorCode entry, AugnoError error, int status, String title, List<Violation> violations,
		@Nullable String requestId, @Nullable String instance, Locale locale, HttpHeaders headers,
		Map<String, Object> members) {

	/**
	 * Keep read-only copies of the lists, maps and headers.
	 */
	public ResolvedError {
		violations = List.copyOf(violations);
		members = members.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(members));
		headers = HttpHeaders.readOnlyHttpHeaders(headers);
	}

	/**
	 * Return the wire code.
	 * @return the code, such as {@code resource_not_found}
	 */
	public String code() {
		return this.error.code();
	}

	/**
	 * Return the type's wire name.
	 * @return the type, such as {@code invalid_request_error}
	 */
	public String typeName() {
		return this.error.typeName();
	}

	/**
	 * Return the message, in the request's language.
	 * @return the message
	 */
	public String message() {
		return this.error.message();
	}

	/**
	 * Return the field or parameter the Augno envelope reports.
	 * @return the name, or {@code null}
	 */
	public @Nullable String param() {
		return this.error.param();
	}

	/**
	 * Return the code's documentation link.
	 * @return the URL
	 */
	public String docUrl() {
		return this.error.docUrl();
	}

	/**
	 * Return whether retrying may succeed after a delay.
	 * @return the transience
	 */
	public boolean isTransient() {
		return this.error.isTransient();
	}

	/**
	 * Return the quota of a {@code limit_exceeded} error.
	 * @return the quota, or {@code null}
	 */
	public @Nullable Quota quota() {
		return this.error.quota();
	}

	/**
	 * Return the link to the request's log entry.
	 * @return the URL, or {@code null}
	 */
	public @Nullable String requestLogUrl() {
		return this.error.requestLogUrl();
	}

	/**
	 * Return the {@code Retry-After} header the error is sent with.
	 * @return the header's value, in seconds, or {@code null}
	 */
	public @Nullable String retryAfter() {
		return this.headers.getFirst(HttpHeaders.RETRY_AFTER);
	}

}
