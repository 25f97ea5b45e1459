package com.augno.errors.spring.idempotency;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Renews the in-flight markers of the requests that run longer than half the lock
 * timeout, so that such a request keeps its key; a marker expires only when its instance
 * stops renewing it, because it died. One sweeper looks over the running requests four
 * times per half lock timeout and renews those whose renewal is due, rather than one
 * scheduled task per request: registering a request is a set insertion, not a timer.
 */
final class InFlightRenewals {

	private static final Log logger = LogFactory.getLog(IdempotencyFilter.class);

	private final IdempotencyStore store;

	private final Duration lockTimeout;

	private final long intervalNanos;

	private final LongSupplier nanoClock;

	private final Set<Renewal> running = ConcurrentHashMap.newKeySet();

	private final ScheduledThreadPoolExecutor sweeper;

	private final AtomicBoolean started = new AtomicBoolean();

	/**
	 * Create the renewals; the sweeper starts with the first request.
	 * @param store where the markers are
	 * @param lockTimeout how long a marker lives unrenewed
	 */
	InFlightRenewals(IdempotencyStore store, Duration lockTimeout) {
		this(store, lockTimeout, System::nanoTime);
	}

	InFlightRenewals(IdempotencyStore store, Duration lockTimeout, LongSupplier nanoClock) {
		this.store = store;
		this.lockTimeout = lockTimeout;
		this.intervalNanos = Math.max(1, lockTimeout.toNanos() / 2);
		this.nanoClock = nanoClock;
		this.sweeper = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "augno-idempotency-renewal");
			thread.setDaemon(true);
			return thread;
		});
		this.sweeper.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	/**
	 * Renew a request's marker every half lock timeout from now until the returned
	 * renewal is stopped.
	 * @param method the request's method, for the log
	 * @param uri the request's URI, for the log
	 * @param scopedKey the key the request holds
	 * @param inFlight its marker
	 * @return the renewal, to stop when the request completes
	 */
	Renewal start(String method, String uri, String scopedKey, IdempotencyRecord.InFlight inFlight) {
		Renewal renewal = new Renewal(method, uri, scopedKey, inFlight,
				this.nanoClock.getAsLong() + this.intervalNanos);
		if (this.sweeper.isShutdown()) {
			// Shutting down: the request runs on its lock timeout alone.
			return renewal;
		}
		this.running.add(renewal);
		if (!this.started.get() && this.started.compareAndSet(false, true)) {
			long tick = Math.max(1, this.intervalNanos / 4);
			try {
				this.sweeper.scheduleWithFixedDelay(this::sweep, tick, tick, TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				// Shut down meanwhile.
			}
		}
		return renewal;
	}

	/**
	 * Stop renewing: the application is shutting down.
	 */
	void shutdown() {
		this.sweeper.shutdownNow();
		this.running.clear();
	}

	/**
	 * Return how many requests are renewed.
	 * @return the number of running requests
	 */
	int size() {
		return this.running.size();
	}

	/**
	 * Return whether the sweeper has stopped for good.
	 * @return whether it did
	 */
	boolean isShutdown() {
		return this.sweeper.isShutdown();
	}

	private void sweep() {
		try {
			sweep(this.nanoClock.getAsLong());
		}
		catch (RuntimeException ex) {
			// A failed sweep must not end the periodic task (and every later renewal).
			logger.warn("Renewing idempotency keys failed; tried again in a moment", ex);
		}
	}

	/**
	 * Renew the markers whose renewal is due at the given time.
	 * @param now the time, by the nano clock
	 */
	void sweep(long now) {
		for (Renewal renewal : this.running) {
			if (now - renewal.due >= 0) {
				renewal.due = now + this.intervalNanos;
				renewal.renew();
			}
		}
	}

	/**
	 * The renewal of one running request's marker. A renewal that finds the key no longer
	 * held by the request (it expired while the store failed, and another request took
	 * it) stops, with a WARN: a retry may now execute concurrently.
	 */
	final class Renewal {

		private final String method;

		private final String uri;

		private final String scopedKey;

		private final IdempotencyRecord.InFlight inFlight;

		// Read and written by the sweeper only, once the renewal is in the set.
		private long due;

		// The set's hash, from the time it was started: an identity hash would be drawn
		// and stored in the object's header by the JVM on every request, a slow path of
		// its own. Renewals started at the same nanosecond only share a bin.
		private final int hash;

		private volatile boolean stopped;

		Renewal(String method, String uri, String scopedKey, IdempotencyRecord.InFlight inFlight, long due) {
			this.method = method;
			this.uri = uri;
			this.scopedKey = scopedKey;
			this.inFlight = inFlight;
			this.due = due;
			this.hash = Long.hashCode(due);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		private void renew() {
			if (this.stopped) {
				stop();
				return;
			}
			boolean held;
			try {
				held = InFlightRenewals.this.store.renew(this.scopedKey, this.inFlight,
						InFlightRenewals.this.lockTimeout);
			}
			catch (RuntimeException ex) {
				if (logger.isDebugEnabled()) {
					logger.debug(
							"Could not renew the idempotency key of " + this.method + " "
									+ IdempotencyFilter.echo(this.uri) + "; it is tried again in half the lock timeout",
							ex);
				}
				return;
			}
			if (!held && !this.stopped) {
				stop();
				logger.warn("The idempotency key of " + this.method + " " + IdempotencyFilter.echo(this.uri)
						+ ", still running, was no longer held when "
						+ "renewed (the store could not renew it within augno.errors.idempotency.lock-timeout): "
						+ "a retry may execute it again");
			}
		}

		/**
		 * Stop renewing: the request completed.
		 */
		void stop() {
			this.stopped = true;
			InFlightRenewals.this.running.remove(this);
		}

	}

}
