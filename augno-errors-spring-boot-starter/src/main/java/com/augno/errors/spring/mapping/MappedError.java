package com.augno.errors.spring.mapping;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorType;
import com.augno.errors.Quota;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;

/**
 * What a mapper decided about a failure: the code and what the client is told, before the
 * request's links are added.
 *
 * @param code the code; its registered entry decides status and defaults
 * @param type the type, or {@code null} for the code's own
 * @param message the message, or {@code null} for the code's default
 * @param param the request field or parameter at fault, or {@code null}
 * @param quota the quota of a {@code limit_exceeded} error, or {@code null}
 * @param headers protocol headers to send, such as {@code Allow} or {@code Retry-After}
 * @param disconnected whether the client was found to have gone away, so that nothing is
 * written; an application's own {@code client_closed_request} is written like any other
 * error
 * @param violations every failed constraint of a validation failure, the one reported by
 * {@code param} and {@code message} first; empty for any other error
 * @param members extension members the thrower added, for formats that render them
 * @param translation the message key and arguments that translate {@code message} into
 * the request's language, or {@code null} when it cannot be translated (a thrower's own
 * message) or is the code's default
 * @since 0.1.0
 */
public record MappedError(ErrorCode code, @Nullable ErrorType type, @Nullable String message, @Nullable String param,
		@Nullable Quota quota, HttpHeaders headers, boolean disconnected, List<Violation> violations,
		Map<String, Object> members, @Nullable MessageSourceResolvable translation) {

	private static final HttpHeaders NO_HEADERS = HttpHeaders.readOnlyHttpHeaders(new HttpHeaders());

	/**
	 * Keep read-only copies of the headers, violations and members.
	 */
	public MappedError {
		headers = headers.isEmpty() ? NO_HEADERS : HttpHeaders.readOnlyHttpHeaders(HttpHeaders.copyOf(headers));
		violations = List.copyOf(violations);
		members = members.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(members));
	}

	/**
	 * Create an error to be written or, when disconnected, not written.
	 * @param code the code; its registered entry decides status and defaults
	 * @param type the type, or {@code null} for the code's own
	 * @param message the message, or {@code null} for the code's default
	 * @param param the request field or parameter at fault, or {@code null}
	 * @param quota the quota of a {@code limit_exceeded} error, or {@code null}
	 * @param headers protocol headers to send
	 * @param disconnected whether the client was found to have gone away
	 */
	public MappedError(ErrorCode code, @Nullable ErrorType type, @Nullable String message, @Nullable String param,
			@Nullable Quota quota, HttpHeaders headers, boolean disconnected) {
		this(code, type, message, param, quota, headers, disconnected, List.of(), Map.of(), null);
	}

	/**
	 * Create an error to be written.
	 * @param code the code; its registered entry decides status and defaults
	 * @param type the type, or {@code null} for the code's own
	 * @param message the message, or {@code null} for the code's default
	 * @param param the request field or parameter at fault, or {@code null}
	 * @param quota the quota of a {@code limit_exceeded} error, or {@code null}
	 * @param headers protocol headers to send
	 */
	public MappedError(ErrorCode code, @Nullable ErrorType type, @Nullable String message, @Nullable String param,
			@Nullable Quota quota, HttpHeaders headers) {
		this(code, type, message, param, quota, headers, false, List.of(), Map.of(), null);
	}

	/**
	 * Create an error with the code's defaults.
	 * @param code the code
	 * @return the error
	 */
	public static MappedError of(ErrorCode code) {
		return new MappedError(code, null, null, null, null, NO_HEADERS);
	}

	/**
	 * Create the error of a client that went away: {@code client_closed_request}, for
	 * which nothing is written because nobody would read it.
	 * @return the error
	 */
	public static MappedError disconnect() {
		return new MappedError(ErrorCodes.CLIENT_CLOSED_REQUEST, null, null, null, null, NO_HEADERS, true);
	}

	/**
	 * Return a copy with another message.
	 * @param message the message, or {@code null} for the code's default
	 * @return the copy
	 */
	public MappedError withMessage(@Nullable String message) {
		return new MappedError(this.code, this.type, message, this.param, this.quota, this.headers, this.disconnected,
				this.violations, this.members, null);
	}

	/**
	 * Return a copy with another message that can be translated: the message key's
	 * pattern, in the request's language, with the arguments (a
	 * {@link java.text.MessageFormat} pattern, so a quote is written {@code ''}),
	 * replaces the English message for a request in another language.
	 * @param message the English message, or {@code null} for the code's default (with an
	 * {@link ApplicationMessage})
	 * @param translation the message key and its arguments
	 * @return the copy
	 */
	public MappedError withMessage(@Nullable String message, MessageSourceResolvable translation) {
		return new MappedError(this.code, this.type, message, this.param, this.quota, this.headers, this.disconnected,
				this.violations, this.members, translation);
	}

	/**
	 * Return a copy carrying every violation of a validation failure.
	 * @param violations the violations, the reported one first
	 * @return the copy
	 */
	public MappedError withViolations(List<Violation> violations) {
		return new MappedError(this.code, this.type, this.message, this.param, this.quota, this.headers,
				this.disconnected, violations, this.members, this.translation);
	}

	/**
	 * Return a copy carrying its own param and message as its one violation, for a
	 * failure that concerns a single value (a missing parameter, a value of the wrong
	 * type), so that a format listing violations lists it too.
	 * @param location where the value was sent
	 * @param constraint the name of the failed constraint, such as {@code NotNull} or
	 * {@code typeMismatch}
	 * @return the copy
	 */
	public MappedError withViolation(Violation.Location location, String constraint) {
		String text = (this.message != null) ? this.message : this.code.message();
		return withViolations(
				List.of(new Violation(this.param, location, constraint, text, this.code, this.translation)));
	}

	/**
	 * Return a copy carrying extension members.
	 * @param members the members, in order
	 * @return the copy
	 */
	public MappedError withMembers(Map<String, Object> members) {
		return new MappedError(this.code, this.type, this.message, this.param, this.quota, this.headers,
				this.disconnected, this.violations, members, this.translation);
	}

	/**
	 * Return a copy naming the field or parameter at fault.
	 * @param param the name, or {@code null}
	 * @return the copy
	 */
	public MappedError withParam(@Nullable String param) {
		return new MappedError(this.code, this.type, this.message, param, this.quota, this.headers, this.disconnected,
				this.violations, this.members, this.translation);
	}

	/**
	 * Return a copy with another type.
	 * @param type the type, or {@code null} for the code's own
	 * @return the copy
	 */
	public MappedError withType(@Nullable ErrorType type) {
		return new MappedError(this.code, type, this.message, this.param, this.quota, this.headers, this.disconnected,
				this.violations, this.members, this.translation);
	}

	/**
	 * Return a copy with a quota.
	 * @param quota the quota, or {@code null}
	 * @return the copy
	 */
	public MappedError withQuota(@Nullable Quota quota) {
		return new MappedError(this.code, this.type, this.message, this.param, quota, this.headers, this.disconnected,
				this.violations, this.members, this.translation);
	}

	/**
	 * Return a copy that also sends the given headers.
	 * @param extra the headers to add
	 * @return the copy
	 */
	public MappedError withHeaders(HttpHeaders extra) {
		if (extra.isEmpty()) {
			return this;
		}
		HttpHeaders merged = HttpHeaders.copyOf(this.headers);
		extra.forEach((name, values) -> merged.put(name, values));
		return new MappedError(this.code, this.type, this.message, this.param, this.quota, merged, this.disconnected,
				this.violations, this.members, this.translation);
	}

	/**
	 * Return a copy that sends a {@code Retry-After} header, in whole seconds rounded up.
	 * @param retryAfter the delay
	 * @return the copy
	 */
	public MappedError withRetryAfter(Duration retryAfter) {
		long seconds = retryAfter.toSeconds() + ((retryAfter.toNanosPart() > 0) ? 1 : 0);
		HttpHeaders header = new HttpHeaders();
		header.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return withHeaders(header);
	}

}
