package com.augno.errors.spring.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link IdempotencyStore} must do, run against each implementation: an atomic
 * claim, completion and release only by the claim that holds the key, and expiry.
 */
abstract class IdempotencyStoreContractTests {

	private static final Duration LONG = Duration.ofMinutes(1);

	protected abstract IdempotencyStore store();

	/**
	 * Let a record written with the given time to live expire.
	 */
	protected abstract void expire(Duration timeToLive) throws InterruptedException;

	private final String key = "key-" + UUID.randomUUID();

	private final IdempotencyRecord.InFlight first = new IdempotencyRecord.InFlight("t1", "fp");

	private final IdempotencyRecord.Completed response = new IdempotencyRecord.Completed("fp", 201,
			List.of(new IdempotencyRecord.Header("Content-Type", "application/json"),
					new IdempotencyRecord.Header("Location", "/v1/things/1")),
			"{\"id\":1}".getBytes(StandardCharsets.UTF_8));

	@Test
	void aFreeKeyIsClaimedAndThenHeld() {
		assertThat(store().claim(this.key, this.first, LONG)).isNull();
		assertThat(store().claim(this.key, new IdempotencyRecord.InFlight("t2", "fp"), LONG)).isEqualTo(this.first);
	}

	@Test
	void aCompletedKeyHoldsTheResponse() {
		store().claim(this.key, this.first, LONG);
		store().complete(this.key, this.first, this.response, LONG);
		assertThat(store().claim(this.key, new IdempotencyRecord.InFlight("t2", "fp"), LONG)).isEqualTo(this.response);
	}

	@Test
	void aReleasedKeyIsFreeAgain() {
		store().claim(this.key, this.first, LONG);
		store().release(this.key, this.first);
		assertThat(store().claim(this.key, new IdempotencyRecord.InFlight("t2", "fp"), LONG)).isNull();
	}

	@Test
	void onlyTheClaimThatHoldsTheKeyCompletesOrReleasesIt() {
		store().claim(this.key, this.first, LONG);
		IdempotencyRecord.InFlight stranger = new IdempotencyRecord.InFlight("t2", "fp");
		store().complete(this.key, stranger, this.response, LONG);
		store().release(this.key, stranger);
		assertThat(store().claim(this.key, stranger, LONG)).isEqualTo(this.first);
	}

	@Test
	void anInFlightMarkerExpiresSoThatACrashedRequestDoesNotLockTheKey() throws Exception {
		Duration lock = Duration.ofMillis(300);
		store().claim(this.key, this.first, lock);
		expire(lock);
		IdempotencyRecord.InFlight retry = new IdempotencyRecord.InFlight("t2", "fp");
		assertThat(store().claim(this.key, retry, LONG)).isNull();
		// The first request, finishing late, no longer holds the key.
		store().complete(this.key, this.first, this.response, LONG);
		assertThat(store().claim(this.key, new IdempotencyRecord.InFlight("t3", "fp"), LONG)).isEqualTo(retry);
	}

	@Test
	void aRenewedMarkerOutlivesTheLockTimeoutItWasClaimedWith() throws Exception {
		Duration lock = Duration.ofMillis(300);
		store().claim(this.key, this.first, lock);
		assertThat(store().renew(this.key, this.first, LONG)).isTrue();
		expire(lock);
		assertThat(store().claim(this.key, new IdempotencyRecord.InFlight("t2", "fp"), LONG)).isEqualTo(this.first);
	}

	@Test
	void onlyTheClaimThatHoldsTheKeyRenewsIt() {
		IdempotencyRecord.InFlight stranger = new IdempotencyRecord.InFlight("t2", "fp");
		assertThat(store().renew(this.key, this.first, LONG)).isFalse();
		store().claim(this.key, this.first, LONG);
		assertThat(store().renew(this.key, stranger, LONG)).isFalse();
		store().complete(this.key, this.first, this.response, LONG);
		assertThat(store().renew(this.key, this.first, LONG)).isFalse();
		assertThat(store().claim(this.key, stranger, LONG)).isEqualTo(this.response);
	}

	@Test
	void aCompletedResponseExpiresAfterItsRetention() throws Exception {
		Duration retention = Duration.ofMillis(300);
		store().claim(this.key, this.first, LONG);
		store().complete(this.key, this.first, this.response, retention);
		expire(retention);
		assertThat(store().claim(this.key, new IdempotencyRecord.InFlight("t2", "fp"), LONG)).isNull();
	}

	@Test
	void exactlyOneOfConcurrentClaimsWins() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> claims = new java.util.ArrayList<>();
			for (int i = 0; i < 64; i++) {
				IdempotencyRecord.InFlight claim = new IdempotencyRecord.InFlight("t" + i, "fp");
				claims.add(() -> store().claim(this.key, claim, LONG) == null);
			}
			int won = 0;
			for (Future<Boolean> result : executor.invokeAll(claims)) {
				won += result.get() ? 1 : 0;
			}
			assertThat(won).isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

}
