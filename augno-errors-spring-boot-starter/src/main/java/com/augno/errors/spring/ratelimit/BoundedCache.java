package com.augno.errors.spring.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Values worked out once per key, such as a caller's bucket key, kept for at most
 * {@code maxSize} keys: when full, the cache is emptied and fills again with the keys in
 * use. Keys that come from clients (their addresses) can then never grow it without
 * bound, and a flood of distinct keys costs only the work the cache would have saved.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
final class BoundedCache<K, V> {

	private final ConcurrentMap<K, V> values = new ConcurrentHashMap<>();

	private final int maxSize;

	private final Function<K, V> compute;

	/**
	 * Create the cache.
	 * @param maxSize the most keys kept, at least 1
	 * @param compute works out the value of a key; called again after the key was dropped
	 */
	BoundedCache(int maxSize, Function<K, V> compute) {
		if (maxSize < 1) {
			throw new IllegalArgumentException("maxSize must be at least 1, got " + maxSize);
		}
		this.maxSize = maxSize;
		this.compute = compute;
	}

	/**
	 * Return the value of a key, worked out now if it is not kept.
	 * @param key the key
	 * @return its value
	 */
	V get(K key) {
		V value = this.values.get(key);
		if (value == null) {
			value = this.compute.apply(key);
			if (this.values.size() >= this.maxSize) {
				this.values.clear();
			}
			this.values.put(key, value);
		}
		return value;
	}

	/**
	 * Return how many keys are kept.
	 * @return the number of keys
	 */
	int size() {
		return this.values.size();
	}

}
