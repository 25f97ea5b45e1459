package com.augno.errors.spring.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * An {@link IdempotencyStore} in this instance's memory, bounded: right for a service
 * that runs one instance (or for tests). When it is full, expired keys and then the
 * completed ones claimed first make room; a store full of requests in flight refuses the
 * claim with an {@link IdempotencyStoreException}, so that no in-flight key is ever
 * dropped.
 *
 * @since 0.1.0
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

	// Shared by every completion: a completed stage that nobody can complete otherwise.
	private static final CompletionStage<Void> DONE = CompletableFuture.completedStage(null);

	private final int maxEntries;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	// Insertion order: the head holds the keys claimed first.
	private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

	// No entry expires before this: the earliest expiry found by the last purge, lowered
	// by every entry put since. Removals only raise the true earliest, so a full store
	// skips the scan for expired entries until one may have expired.
	private long earliestExpiry = Long.MAX_VALUE;

	/**
	 * Create a store.
	 * @param maxEntries the most keys kept at once
	 */
	public InMemoryIdempotencyStore(int maxEntries) {
		this(maxEntries, Clock.systemUTC());
	}

	/**
	 * Create a store on a clock of the caller's.
	 * @param maxEntries the most keys kept at once
	 * @param clock tells when records expire
	 */
	public InMemoryIdempotencyStore(int maxEntries, Clock clock) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("maxEntries must be at least 1");
		}
		this.maxEntries = maxEntries;
		this.clock = clock;
	}

	@Override
	public @Nullable IdempotencyRecord claim(String key, IdempotencyRecord.InFlight inFlight, Duration lockTimeout) {
		long now = this.clock.millis();
		this.lock.lock();
		try {
			Entry entry = this.entries.get(key);
			if (entry != null && entry.expiresAt > now) {
				return entry.record;
			}
			if (entry != null) {
				this.entries.remove(key);
			}
			makeRoom(now);
			put(key, new Entry(inFlight, now + lockTimeout.toMillis()));
			return null;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public CompletionStage<Void> complete(String key, IdempotencyRecord.InFlight inFlight,
			IdempotencyRecord.Completed completed, Duration retention) {
		long now = this.clock.millis();
		this.lock.lock();
		try {
			Entry entry = heldBy(key, inFlight, now);
			if (entry != null) {
				// Changed in place: the key keeps its place in the order of claims, and
				// the map is not touched again.
				update(entry, completed, now + retention.toMillis());
			}
			return DONE;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public boolean renew(String key, IdempotencyRecord.InFlight inFlight, Duration lockTimeout) {
		long now = this.clock.millis();
		this.lock.lock();
		try {
			Entry entry = heldBy(key, inFlight, now);
			if (entry == null) {
				return false;
			}
			update(entry, inFlight, now + lockTimeout.toMillis());
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void release(String key, IdempotencyRecord.InFlight inFlight) {
		long now = this.clock.millis();
		this.lock.lock();
		try {
			if (heldBy(key, inFlight, now) != null) {
				this.entries.remove(key);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return how many keys the store holds, expired ones included until they are purged.
	 * @return the number of keys
	 */
	public int size() {
		this.lock.lock();
		try {
			return this.entries.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	private @Nullable Entry heldBy(String key, IdempotencyRecord.InFlight inFlight, long now) {
		Entry entry = this.entries.get(key);
		return (entry != null && entry.expiresAt > now && inFlight.equals(entry.record)) ? entry : null;
	}

	private void put(String key, Entry entry) {
		this.entries.put(key, entry);
		this.earliestExpiry = Math.min(this.earliestExpiry, entry.expiresAt);
	}

	private void update(Entry entry, IdempotencyRecord record, long expiresAt) {
		entry.record = record;
		entry.expiresAt = expiresAt;
		this.earliestExpiry = Math.min(this.earliestExpiry, expiresAt);
	}

	private void makeRoom(long now) {
		if (this.entries.size() < this.maxEntries) {
			return;
		}
		if (this.earliestExpiry <= now) {
			purgeExpired(now);
		}
		// Evict a tenth at once, so that a full store does not scan on every claim.
		int target = this.maxEntries - Math.max(1, this.maxEntries / 10);
		Iterator<Map.Entry<String, Entry>> iterator = this.entries.entrySet().iterator();
		while (this.entries.size() > target && iterator.hasNext()) {
			if (iterator.next().getValue().record instanceof IdempotencyRecord.Completed) {
				iterator.remove();
			}
		}
		if (this.entries.size() >= this.maxEntries) {
			throw new IdempotencyStoreException(
					"The in-memory idempotency store is full of requests in flight (" + this.maxEntries + " keys)",
					null);
		}
	}

	private void purgeExpired(long now) {
		long earliest = Long.MAX_VALUE;
		Iterator<Entry> iterator = this.entries.values().iterator();
		while (iterator.hasNext()) {
			long expiresAt = iterator.next().expiresAt;
			if (expiresAt <= now) {
				iterator.remove();
			}
			else {
				earliest = Math.min(earliest, expiresAt);
			}
		}
		this.earliestExpiry = earliest;
	}

	/**
	 * A key's record and when it expires, changed in place (under the store's lock) as
	 * the request completes or renews its marker.
	 */
	private static final class Entry {

		private IdempotencyRecord record;

		private long expiresAt;

		Entry(IdempotencyRecord record, long expiresAt) {
			this.record = record;
			this.expiresAt = expiresAt;
		}

	}

}
