package com.augno.errors.spring.ratelimit;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * A limit of requests per window and caller, under a name that identifies its buckets and
 * appears in the {@code RateLimit} headers.
 *
 * @param name the policy's name, a token of letters, digits and {@code -_.:}
 * @param limit the requests a caller may make per window, at least 1
 * @param window the window, at least one second and in whole seconds
 * @since 0.1.0
 */
public record RateLimitPolicy(String name, long limit, Duration window) {

	/**
	 * Check the policy: the name goes into a header and a key, the window into a header
	 * in whole seconds.
	 */
	public RateLimitPolicy {
		Assert.isTrue(name.matches("[A-Za-z0-9_.:-]{1,100}"),
				() -> "Rate limit name must be 1 to 100 letters, digits or -_.: but was '" + name + "'");
		Assert.isTrue(limit >= 1, () -> "Rate limit '" + name + "' must allow at least 1 request, got " + limit);
		Assert.isTrue(window.getSeconds() >= 1 && window.getNano() == 0,
				() -> "Rate limit '" + name + "' needs a window of whole seconds, at least 1s, got " + window);
	}

	/**
	 * Return the same policy with another limit, such as a caller's plan.
	 * @param limit the requests per window
	 * @return the policy
	 */
	public RateLimitPolicy withLimit(long limit) {
		return (limit == this.limit) ? this : new RateLimitPolicy(this.name, limit, this.window);
	}

}
