package com.augno.errors.spring.ratelimit;

import java.time.Duration;
import java.util.List;

/**
 * The fields of draft-ietf-httpapi-ratelimit-headers-11 (structured-field lists, one item
 * per policy): {@code RateLimit-Policy: "name";q=<limit>;w=<window seconds>} and
 * {@code RateLimit: "name";r=<remaining>;t=<seconds until the window ends>}.
 *
 * @since 0.1.0
 */
public final class RateLimitHeaders {

	/**
	 * The field that describes the policies.
	 */
	public static final String RATE_LIMIT_POLICY = "RateLimit-Policy";

	/**
	 * The field that tells the state of each policy's bucket.
	 */
	public static final String RATE_LIMIT = "RateLimit";

	private RateLimitHeaders() {
	}

	/**
	 * Format the {@code RateLimit-Policy} field of policies.
	 * @param policies the policies
	 * @return the field value
	 */
	public static String policy(List<RateLimitPolicy> policies) {
		StringBuilder value = new StringBuilder();
		for (RateLimitPolicy policy : policies) {
			separate(value).append('"')
				.append(policy.name())
				.append("\";q=")
				.append(policy.limit())
				.append(";w=")
				.append(policy.window().getSeconds());
		}
		return value.toString();
	}

	/**
	 * Format the {@code RateLimit} field of policies and their probes.
	 * @param policies the policies
	 * @param probes the probe of each policy, in the same order
	 * @return the field value
	 */
	public static String state(List<RateLimitPolicy> policies, List<RateLimitProbe> probes) {
		StringBuilder value = new StringBuilder();
		for (int i = 0; i < policies.size(); i++) {
			separate(value).append(state(statePrefix(policies.get(i)), probes.get(i)));
		}
		return value.toString();
	}

	/**
	 * Return the start of a policy's item in the {@code RateLimit} field, the part that
	 * does not change between requests.
	 * @param policy the policy
	 * @return the item up to its remaining count
	 */
	static String statePrefix(RateLimitPolicy policy) {
		return '"' + policy.name() + "\";r=";
	}

	/**
	 * Return the {@code RateLimit} field's item of one policy, in one concatenation.
	 * @param statePrefix the policy's {@link #statePrefix(RateLimitPolicy) prefix}
	 * @param probe its probe
	 * @return the item
	 */
	static String state(String statePrefix, RateLimitProbe probe) {
		return statePrefix + probe.remaining() + ";t=" + seconds(probe.reset());
	}

	/**
	 * Return a duration in whole seconds, rounded up, as {@code Retry-After} and the
	 * {@code t} parameter count.
	 * @param duration the duration
	 * @return the seconds
	 */
	public static long seconds(Duration duration) {
		long seconds = duration.getSeconds();
		return (duration.getNano() > 0) ? seconds + 1 : seconds;
	}

	private static StringBuilder separate(StringBuilder value) {
		return value.isEmpty() ? value : value.append(", ");
	}

}
