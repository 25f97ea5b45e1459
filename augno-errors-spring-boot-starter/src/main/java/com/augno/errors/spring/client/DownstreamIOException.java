package com.augno.errors.spring.client;

import java.io.IOException;
import java.io.Serial;

import org.springframework.http.HttpMethod;

/**
 * An I/O failure of a downstream call (refused connection, timeout, reset), recorded with
 * what the retry policy must know about the request: its method and whether it carried an
 * {@code Idempotency-Key}. The original failure is the cause and gives the message.
 *
 * @since 0.1.0
 */
public final class DownstreamIOException extends IOException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final HttpMethod method;

	private final boolean idempotencyKey;

	/**
	 * Create the exception.
	 * @param method the method of the request
	 * @param idempotencyKey whether the request carried an {@code Idempotency-Key}
	 * @param cause the I/O failure
	 */
	public DownstreamIOException(HttpMethod method, boolean idempotencyKey, IOException cause) {
		super(cause.getMessage(), cause);
		this.method = method;
		this.idempotencyKey = idempotencyKey;
	}

	/**
	 * Return the method of the request.
	 * @return the method
	 */
	public HttpMethod method() {
		return this.method;
	}

	/**
	 * Return whether the request carried an {@code Idempotency-Key}.
	 * @return whether it did
	 */
	public boolean hasIdempotencyKey() {
		return this.idempotencyKey;
	}

}
