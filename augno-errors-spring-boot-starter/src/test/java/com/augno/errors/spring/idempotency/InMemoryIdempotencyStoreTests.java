package com.augno.errors.spring.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The in-memory store: the contract, and its bound.
 */
class InMemoryIdempotencyStoreTests extends IdempotencyStoreContractTests {

	private final MovableClock clock = new MovableClock();

	private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(100, this.clock);

	@Override
	protected IdempotencyStore store() {
		return this.store;
	}

	@Override
	protected void expire(Duration timeToLive) {
		this.clock.now = this.clock.now.plus(timeToLive);
	}

	@Test
	void whenFullTheOldestCompletedKeysMakeRoomAndInFlightKeysStay() {
		InMemoryIdempotencyStore small = new InMemoryIdempotencyStore(10, this.clock);
		for (int i = 0; i < 5; i++) {
			small.claim("flight-" + i, new IdempotencyRecord.InFlight("t", "fp"), Duration.ofMinutes(1));
		}
		for (int i = 0; i < 5; i++) {
			IdempotencyRecord.InFlight claim = new IdempotencyRecord.InFlight("t", "fp");
			small.claim("done-" + i, claim, Duration.ofMinutes(1));
			small.complete("done-" + i, claim, completed(), Duration.ofHours(1));
		}
		assertThat(small.claim("new", new IdempotencyRecord.InFlight("t", "fp"), Duration.ofMinutes(1))).isNull();
		assertThat(small.size()).isEqualTo(10);
		// The oldest completed key was evicted; every in-flight key is still held.
		assertThat(small.claim("done-0", new IdempotencyRecord.InFlight("u", "fp"), Duration.ofMinutes(1))).isNull();
		for (int i = 0; i < 5; i++) {
			assertThat(small.claim("flight-" + i, new IdempotencyRecord.InFlight("u", "fp"), Duration.ofMinutes(1)))
				.isInstanceOf(IdempotencyRecord.InFlight.class);
		}
	}

	@Test
	void expiredKeysMakeRoomFirst() {
		InMemoryIdempotencyStore small = new InMemoryIdempotencyStore(3, this.clock);
		for (int i = 0; i < 3; i++) {
			small.claim("k" + i, new IdempotencyRecord.InFlight("t", "fp"), Duration.ofSeconds(1));
		}
		this.clock.now = this.clock.now.plusSeconds(2);
		assertThat(small.claim("k3", new IdempotencyRecord.InFlight("t", "fp"), Duration.ofSeconds(1))).isNull();
		assertThat(small.size()).isEqualTo(1);
	}

	@Test
	void aKeyThatExpiresAfterAFullStoreWasPurgedStillMakesRoomFirst() {
		InMemoryIdempotencyStore small = new InMemoryIdempotencyStore(10, this.clock);
		for (int i = 0; i < 10; i++) {
			IdempotencyRecord.InFlight claim = new IdempotencyRecord.InFlight("t", "fp");
			small.claim("done-" + i, claim, Duration.ofMinutes(1));
			small.complete("done-" + i, claim, completed(), Duration.ofHours(1));
		}
		// Full: nothing has expired, so the oldest completed key makes room.
		assertThat(small.claim("short", new IdempotencyRecord.InFlight("t", "fp"), Duration.ofSeconds(1))).isNull();
		assertThat(small.size()).isEqualTo(10);
		this.clock.now = this.clock.now.plusSeconds(2);
		// Full again: the expired marker of "short" makes room, not a completed key.
		assertThat(small.claim("next", new IdempotencyRecord.InFlight("t", "fp"), Duration.ofMinutes(1))).isNull();
		assertThat(small.size()).isEqualTo(10);
		assertThat(small.claim("done-1", new IdempotencyRecord.InFlight("u", "fp"), Duration.ofMinutes(1)))
			.isInstanceOf(IdempotencyRecord.Completed.class);
	}

	@Test
	void aStoreFullOfRequestsInFlightRefusesTheClaim() {
		InMemoryIdempotencyStore small = new InMemoryIdempotencyStore(2, this.clock);
		small.claim("a", new IdempotencyRecord.InFlight("t", "fp"), Duration.ofMinutes(1));
		small.claim("b", new IdempotencyRecord.InFlight("t", "fp"), Duration.ofMinutes(1));
		assertThatExceptionOfType(IdempotencyStoreException.class)
			.isThrownBy(() -> small.claim("c", new IdempotencyRecord.InFlight("t", "fp"), Duration.ofMinutes(1)))
			.withMessageContaining("full of requests in flight");
	}

	private static IdempotencyRecord.Completed completed() {
		return new IdempotencyRecord.Completed("fp", 200, List.of(), new byte[] { 1 });
	}

	private static final class MovableClock extends Clock {

		private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

}
