package com.augno.errors.sample.platform;

import com.augno.errors.spring.ratelimit.RateLimitPolicy;
import com.augno.errors.spring.ratelimit.RateLimitPolicyResolver;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Gives each API key the requests per minute of its plan, in place of the limit the route
 * declares; requests without a known key keep the route's.
 */
@Component
class ApiKeyRateLimits implements RateLimitPolicyResolver {

	private static final String BEARER = "Bearer ";

	private final ApiKeys apiKeys;

	ApiKeyRateLimits(ApiKeys apiKeys) {
		this.apiKeys = apiKeys;
	}

	@Override
	public RateLimitPolicy resolve(RateLimitPolicy policy, HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.startsWith(BEARER)) {
			return policy;
		}
		ApiKeys.ApiKey key = this.apiKeys.find(authorization.substring(BEARER.length()));
		return (key != null) ? policy.withLimit(key.requestsPerMinute()) : policy;
	}

}
