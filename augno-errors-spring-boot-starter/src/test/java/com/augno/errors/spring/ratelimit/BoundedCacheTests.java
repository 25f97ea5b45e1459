package com.augno.errors.spring.ratelimit;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BoundedCache}: right values for many more keys than it keeps, never
 * more keys than its bound, and the work done once per kept key.
 */
class BoundedCacheTests {

	@Test
	void givesTheRightValueForManyMoreKeysThanItKeeps() {
		BoundedCache<String, String> cache = new BoundedCache<>(100, "stem:"::concat);
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 10_000; i++) {
				String key = "address:192.0." + (i / 256) + "." + (i % 256);
				assertThat(cache.get(key)).isEqualTo("stem:" + key);
				assertThat(cache.size()).isLessThanOrEqualTo(100);
			}
		}
	}

	@Test
	void worksOutAKeptKeyOnce() {
		AtomicInteger computed = new AtomicInteger();
		BoundedCache<Integer, String> cache = new BoundedCache<>(10, (key) -> {
			computed.incrementAndGet();
			return "v" + key;
		});
		for (int i = 0; i < 1000; i++) {
			assertThat(cache.get(i % 10)).isEqualTo("v" + (i % 10));
		}
		assertThat(computed).hasValue(10);
		// One key more empties it: the next ten are worked out again.
		assertThat(cache.get(10)).isEqualTo("v10");
		assertThat(cache.size()).isEqualTo(1);
	}

	@Test
	void needsRoomForOneKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BoundedCache<String, String>(0, (key) -> key));
	}

}
