package com.augno.errors.spring.idempotency;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by an {@link IdempotencyStore} that cannot answer: unreachable, too slow, or
 * full.
 *
 * @since 0.1.0
 */
public class IdempotencyStoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what failed
	 * @param cause the driver's exception, or {@code null}
	 */
	public IdempotencyStoreException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
