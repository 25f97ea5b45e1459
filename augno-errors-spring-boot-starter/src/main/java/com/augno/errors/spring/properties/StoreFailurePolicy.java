package com.augno.errors.spring.properties;

/**
 * What a request gets when the store behind idempotency keys or rate limits cannot be
 * reached or does not answer in time: one vocabulary for both
 * {@code augno.errors.idempotency.on-store-failure} and
 * {@code augno.errors.rate-limits.on-store-failure}, so that a service states its policy
 * the same way for both.
 *
 * @since 0.1.0
 */
public enum StoreFailurePolicy {

	/**
	 * Answer service_unavailable (503, transient) without executing the request.
	 */
	REJECT,

	/**
	 * Execute the request without the feature whose store failed (no idempotency, or no
	 * rate limit), and log a WARN.
	 */
	PROCEED

}
