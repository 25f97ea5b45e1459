package com.augno.errors.spring.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Adapts a policy to the caller of a request, for limits that depend on the caller's plan
 * ({@code policy.withLimit(plan.requestsPerMinute())}). The default keeps every policy as
 * declared.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RateLimitPolicyResolver {

	/**
	 * Return the policy to apply to this request.
	 * @param policy the policy as declared
	 * @param request the request
	 * @return the policy to apply, with the same name
	 */
	RateLimitPolicy resolve(RateLimitPolicy policy, HttpServletRequest request);

}
