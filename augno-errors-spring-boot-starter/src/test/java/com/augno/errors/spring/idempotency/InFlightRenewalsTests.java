package com.augno.errors.spring.idempotency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweeper of {@link InFlightRenewals}, swept by hand on a clock of the test's: a
 * running request is renewed every half lock timeout, a finished one never again, and
 * nothing is renewed after shutdown. (The sweeper's own schedule sweeps at the test
 * clock's time, which stays put, so it renews nothing here.)
 */
@ExtendWith(OutputCaptureExtension.class)
class InFlightRenewalsTests {

	private static final long SECOND = 1_000_000_000L;

	private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(2);

	private final RecordingStore store = new RecordingStore();

	private final long now = Long.MIN_VALUE / 2;

	private final InFlightRenewals renewals = new InFlightRenewals(this.store, LOCK_TIMEOUT, () -> this.now);

	private final IdempotencyRecord.InFlight inFlight = new IdempotencyRecord.InFlight("token", "fingerprint");

	@AfterEach
	void shutdown() {
		this.renewals.shutdown();
	}

	@Test
	void aRunningRequestIsRenewedEveryHalfLockTimeout() {
		this.renewals.start("POST", "/orders", "key-1", this.inFlight);
		this.renewals.sweep(this.now + SECOND - 1);
		assertThat(this.store.renewed).isEmpty();
		this.renewals.sweep(this.now + SECOND);
		assertThat(this.store.renewed).containsExactly("key-1");
		this.renewals.sweep(this.now + SECOND + SECOND / 2);
		assertThat(this.store.renewed).containsExactly("key-1");
		this.renewals.sweep(this.now + 2 * SECOND);
		assertThat(this.store.renewed).containsExactly("key-1", "key-1");
	}

	@Test
	void aFinishedRequestIsNotRenewedAndLeavesTheSweep() {
		InFlightRenewals.Renewal finished = this.renewals.start("POST", "/orders", "finished", this.inFlight);
		this.renewals.start("POST", "/orders", "running", this.inFlight);
		finished.stop();
		assertThat(this.renewals.size()).isEqualTo(1);
		this.renewals.sweep(this.now + 10 * SECOND);
		assertThat(this.store.renewed).containsExactly("running");
	}

	@Test
	void aKeyNoLongerHeldStopsItsRenewalWithAWarn(CapturedOutput output) {
		this.store.held = false;
		this.renewals.start("POST", "/orders", "lost", this.inFlight);
		this.renewals.sweep(this.now + SECOND);
		this.renewals.sweep(this.now + 2 * SECOND);
		assertThat(this.store.renewed).containsExactly("lost");
		assertThat(this.renewals.size()).isZero();
		assertThat(output.getAll())
			.containsOnlyOnce("The idempotency key of POST /orders, still running, was no longer held");
	}

	@Test
	void aFailingStoreIsTriedAgainAtTheNextRenewal() {
		this.store.failing = true;
		this.renewals.start("POST", "/orders", "key-1", this.inFlight);
		this.renewals.sweep(this.now + SECOND);
		this.store.failing = false;
		this.renewals.sweep(this.now + 2 * SECOND);
		assertThat(this.store.renewed).containsExactly("key-1", "key-1");
		assertThat(this.renewals.size()).isOne();
	}

	@Test
	void shutdownStopsTheSweeperAndRenewsNothingMore() {
		this.renewals.start("POST", "/orders", "before", this.inFlight);
		this.renewals.shutdown();
		assertThat(this.renewals.isShutdown()).isTrue();
		this.renewals.start("POST", "/orders", "after", this.inFlight);
		assertThat(this.renewals.size()).isZero();
		this.renewals.sweep(this.now + 10 * SECOND);
		assertThat(this.store.renewed).isEmpty();
	}

	/**
	 * Records the keys renewed; holds them (or not) as told, or fails.
	 */
	private static final class RecordingStore implements IdempotencyStore {

		private final List<String> renewed = new ArrayList<>();

		private boolean held = true;

		private boolean failing;

		@Override
		public @Nullable IdempotencyRecord claim(String key, IdempotencyRecord.InFlight inFlight,
				Duration lockTimeout) {
			return null;
		}

		@Override
		public CompletionStage<Void> complete(String key, IdempotencyRecord.InFlight inFlight,
				IdempotencyRecord.Completed completed, Duration retention) {
			return CompletableFuture.completedStage(null);
		}

		@Override
		public boolean renew(String key, IdempotencyRecord.InFlight inFlight, Duration lockTimeout) {
			this.renewed.add(key);
			if (this.failing) {
				throw new IdempotencyStoreException("down", null);
			}
			return this.held;
		}

		@Override
		public void release(String key, IdempotencyRecord.InFlight inFlight) {
		}

	}

}
