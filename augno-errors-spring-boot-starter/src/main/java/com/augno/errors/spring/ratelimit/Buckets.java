package com.augno.errors.spring.ratelimit;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The Bucket4j side shared by the stores: a policy's bucket holds {@code limit} tokens
 * and is refilled in full at the end of each window (Bucket4j's interval refill), so
 * exactly {@code limit} requests fit in a window, however they are spread over it.
 */
final class Buckets {

	private Buckets() {
	}

	static BucketConfiguration configuration(RateLimitPolicy policy) {
		return BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(policy.limit()).refillIntervally(policy.limit(), policy.window()))
			.build();
	}

	static RateLimitProbe probe(ConsumptionProbe probe) {
		Duration retryAfter = probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
		return new RateLimitProbe(probe.isConsumed(), probe.getRemainingTokens(), retryAfter,
				Duration.ofNanos(probe.getNanosToWaitForReset()));
	}

}
