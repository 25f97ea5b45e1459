package com.augno.errors.spring.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells callers apart: each caller has its own bucket per policy. A bean of this type
 * replaces {@link DefaultRateLimitKeyResolver}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RateLimitKeyResolver {

	/**
	 * Return the caller of a request, as a bounded string that is safe in a Redis key.
	 * @param request the request
	 * @return the caller's key
	 */
	String resolve(HttpServletRequest request);

}
