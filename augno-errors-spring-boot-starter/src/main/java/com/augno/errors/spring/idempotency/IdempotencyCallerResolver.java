package com.augno.errors.spring.idempotency;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells who is calling, so that an idempotency key is scoped to its caller: two callers
 * that happen to send the same key never see each other's responses. Declare a bean of
 * this type to scope keys by your own notion of a caller (a tenant, an API key id).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface IdempotencyCallerResolver {

	/**
	 * Return an identifier of the request's caller; it is hashed into the key, never
	 * stored as such.
	 * @param request the request
	 * @return the caller, never empty
	 */
	String resolve(HttpServletRequest request);

}
