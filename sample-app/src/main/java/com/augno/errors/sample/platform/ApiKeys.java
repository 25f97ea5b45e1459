package com.augno.errors.sample.platform;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The sample's API keys, in memory. Each shows one way a key can be used or refused.
 */
@Component
public class ApiKeys {

	private final Map<String, ApiKey> keys = Map.of("sk_test_live",
			new ApiKey("sk_test_live", Status.ACTIVE, false, 600), "sk_test_readonly",
			new ApiKey("sk_test_readonly", Status.ACTIVE, true, 600), "sk_test_ratelimited",
			new ApiKey("sk_test_ratelimited", Status.ACTIVE, false, 3), "sk_test_expired",
			new ApiKey("sk_test_expired", Status.EXPIRED, false, 600), "sk_test_revoked",
			new ApiKey("sk_test_revoked", Status.REVOKED, false, 600), "st_session_expired",
			new ApiKey("st_session_expired", Status.SESSION_EXPIRED, false, 600));

	/**
	 * Return the key with the given secret.
	 * @param secret the bearer value
	 * @return the key, or {@code null} if there is none
	 */
	public @Nullable ApiKey find(String secret) {
		return this.keys.get(secret);
	}

	/**
	 * The state of a key.
	 */
	public enum Status {

		/**
		 * Usable.
		 */
		ACTIVE,

		/**
		 * Past its expiry date.
		 */
		EXPIRED,

		/**
		 * Revoked by its owner.
		 */
		REVOKED,

		/**
		 * A dashboard session token that has expired.
		 */
		SESSION_EXPIRED

	}

	/**
	 * One API key.
	 *
	 * @param secret the bearer value
	 * @param status its state
	 * @param readOnly whether it may only read
	 * @param requestsPerMinute its rate limit
	 */
	public record ApiKey(String secret, Status status, boolean readOnly, int requestsPerMinute) {
	}

}
