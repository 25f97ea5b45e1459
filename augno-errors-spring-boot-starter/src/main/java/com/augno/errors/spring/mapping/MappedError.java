package com.augno.errors.spring.mapping;

import java.time.Duration;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorType;
import com.augno.errors.Quota;
import org.jspecify.annotations.Nullable;

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
 * @since 0.1.0
 */
public record MappedError(ErrorCode code, @Nullable ErrorType type, @Nullable String message, @Nullable String param,
		@Nullable Quota quota, HttpHeaders headers, boolean disconnected) {

	private static final HttpHeaders NO_HEADERS = HttpHeaders.readOnlyHttpHeaders(new HttpHeaders());

	/**
	 * Keep a read-only copy of the headers.
	 */
	public MappedError {
		headers = headers.isEmpty() ? NO_HEADERS : HttpHeaders.readOnlyHttpHeaders(HttpHeaders.copyOf(headers));
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
		this(code, type, message, param, quota, headers, false);
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
		return new MappedError(this.code, this.type, message, this.param, this.quota, this.headers, this.disconnected);
	}

	/**
	 * Return a copy naming the field or parameter at fault.
	 * @param param the name, or {@code null}
	 * @return the copy
	 */
	public MappedError withParam(@Nullable String param) {
		return new MappedError(this.code, this.type, this.message, param, this.quota, this.headers, this.disconnected);
	}

	/**
	 * Return a copy with another type.
	 * @param type the type, or {@code null} for the code's own
	 * @return the copy
	 */
	public MappedError withType(@Nullable ErrorType type) {
		return new MappedError(this.code, type, this.message, this.param, this.quota, this.headers, this.disconnected);
	}

	/**
	 * Return a copy with a quota.
	 * @param quota the quota, or {@code null}
	 * @return the copy
	 */
	public MappedError withQuota(@Nullable Quota quota) {
		return new MappedError(this.code, this.type, this.message, this.param, quota, this.headers, this.disconnected);
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
		return new MappedError(this.code, this.type, this.message, this.param, this.quota, merged, this.disconnected);
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
