package com.augno.errors.spring.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import io.github.bucket4j.Bucket;

/**
 * Bucket4j's local buckets in this instance's memory: right for one instance, wrong for a
 * fleet (each instance would allow the full limit). The number of buckets is bounded:
 * past {@code maxBuckets}, the buckets idle for a full window are dropped first (they are
 * full again, so nothing is lost), then others, oldest first. The buckets are Bucket4j's
 * lock-free default: under a lock, the requests of a busy caller waited, for tens of
 * milliseconds, on a holder the scheduler had paused (measured on two loaded cores).
 *
 * @since 0.1.0
 */
public final class InMemoryRateLimitStore implements RateLimitStore {

	private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();

	private final ReentrantLock eviction = new ReentrantLock();

	private final int maxBuckets;

	/**
	 * Create the store.
	 * @param maxBuckets the most buckets kept, at least 1
	 */
	public InMemoryRateLimitStore(int maxBuckets) {
		if (maxBuckets < 1) {
			throw new IllegalArgumentException("maxBuckets must be at least 1, got " + maxBuckets);
		}
		this.maxBuckets = maxBuckets;
	}

	@Override
	public RateLimitProbe tryConsume(String key, RateLimitPolicy policy) {
		Entry entry = this.buckets.get(key);
		if (entry == null || !entry.policy.equals(policy)) {
			entry = this.buckets.compute(key, (name, current) -> (current != null && current.policy.equals(policy))
					? current : new Entry(policy));
			if (this.buckets.size() > this.maxBuckets) {
				evict();
			}
		}
		entry.lastUsed = System.nanoTime();
		return Buckets.probe(entry.bucket.tryConsumeAndReturnRemaining(1));
	}

	/**
	 * Return how many buckets are kept.
	 * @return the number of buckets
	 */
	public int size() {
		return this.buckets.size();
	}

	private void evict() {
		if (!this.eviction.tryLock()) {
			return;
		}
		try {
			long now = System.nanoTime();
			this.buckets.values().removeIf((entry) -> now - entry.lastUsed > entry.policy.window().toNanos());
			int excess = this.buckets.size() - this.maxBuckets;
			if (excess > 0) {
				this.buckets.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(a.lastUsed, b.lastUsed)))
					.limit(excess)
					.map(Map.Entry::getKey)
					.toList()
					.forEach(this.buckets::remove);
			}
		}
		finally {
			this.eviction.unlock();
		}
	}

	private static final class Entry {

		private final RateLimitPolicy policy;

		private final Bucket bucket;

		private volatile long lastUsed = System.nanoTime();

		Entry(RateLimitPolicy policy) {
			this.policy = policy;
			this.bucket = Bucket.builder().addLimit(Buckets.configuration(policy).getBandwidths()[0]).build();
		}

	}

}
