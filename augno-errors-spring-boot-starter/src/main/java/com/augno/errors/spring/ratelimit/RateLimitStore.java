package com.augno.errors.spring.ratelimit;

/**
 * Where the token buckets live: one bucket per key, configured by the policy the first
 * time the key is seen. Implementations: {@link InMemoryRateLimitStore} and
 * {@link RedisRateLimitStore}; a bean of this type replaces them.
 *
 * @since 0.1.0
 */
public interface RateLimitStore {

	/**
	 * Take one request from the bucket of a key.
	 * @param key the bucket's key (prefix, policy and caller)
	 * @param policy the limit of the bucket
	 * @return the outcome
	 * @throws RateLimitStoreException if the store cannot be reached in time
	 */
	RateLimitProbe tryConsume(String key, RateLimitPolicy policy);

}
