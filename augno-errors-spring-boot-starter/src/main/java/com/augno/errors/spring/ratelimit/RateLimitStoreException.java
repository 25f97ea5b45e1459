package com.augno.errors.spring.ratelimit;

/**
 * Thrown by a {@link RateLimitStore} that cannot answer in time (Redis down or slow);
 * {@code augno.errors.rate-limits.on-store-failure} decides what the request gets.
 *
 * @since 0.1.0
 */
public class RateLimitStoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message what failed
	 * @param cause the store's failure
	 */
	public RateLimitStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
