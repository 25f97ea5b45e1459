package com.augno.errors.spring.ratelimit;

import java.security.Principal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The parts of the rate limits that need no server: the header syntax, the in-memory
 * store's windows and bound, the policies' checks, how callers are told apart.
 */
class RateLimitUnitTests {

	private static final RateLimitPolicy THREE_PER_MINUTE = new RateLimitPolicy("search", 3, Duration.ofMinutes(1));

	@Test
	void headersFollowTheDraftsStructuredFieldSyntax() {
		RateLimitPolicy burst = new RateLimitPolicy("burst", 10, Duration.ofSeconds(1));
		List<RateLimitPolicy> policies = List.of(THREE_PER_MINUTE, burst);
		assertThat(RateLimitHeaders.policy(policies)).isEqualTo("\"search\";q=3;w=60, \"burst\";q=10;w=1");
		List<RateLimitProbe> probes = List.of(new RateLimitProbe(true, 2, Duration.ZERO, Duration.ofMillis(59_001)),
				new RateLimitProbe(false, 0, Duration.ofMillis(300), Duration.ofMillis(300)));
		assertThat(RateLimitHeaders.state(policies, probes)).isEqualTo("\"search\";r=2;t=60, \"burst\";r=0;t=1");
		assertThat(RateLimitHeaders.seconds(Duration.ofSeconds(5))).isEqualTo(5);
		assertThat(RateLimitHeaders.seconds(Duration.ofSeconds(5).plusNanos(1))).isEqualTo(6);
	}

	@Test
	void inMemoryStoreAcceptsExactlyTheLimitPerWindow() {
		InMemoryRateLimitStore store = new InMemoryRateLimitStore(100);
		for (long remaining = 2; remaining >= 0; remaining--) {
			RateLimitProbe probe = store.tryConsume("k", THREE_PER_MINUTE);
			assertThat(probe.consumed()).isTrue();
			assertThat(probe.remaining()).isEqualTo(remaining);
			assertThat(probe.reset()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
		}
		RateLimitProbe refused = store.tryConsume("k", THREE_PER_MINUTE);
		assertThat(refused.consumed()).isFalse();
		assertThat(refused.remaining()).isZero();
		assertThat(refused.retryAfter()).isGreaterThan(Duration.ofSeconds(55))
			.isLessThanOrEqualTo(Duration.ofMinutes(1));
		assertThat(store.tryConsume("other", THREE_PER_MINUTE).consumed()).isTrue();
	}

	@Test
	void inMemoryStoreGivesTheLimitBackWhenTheWindowEnds() throws InterruptedException {
		InMemoryRateLimitStore store = new InMemoryRateLimitStore(100);
		RateLimitPolicy onePerSecond = new RateLimitPolicy("fast", 1, Duration.ofSeconds(1));
		assertThat(store.tryConsume("k", onePerSecond).consumed()).isTrue();
		RateLimitProbe refused = store.tryConsume("k", onePerSecond);
		assertThat(refused.consumed()).isFalse();
		Thread.sleep(refused.retryAfter().toMillis() + 50);
		assertThat(store.tryConsume("k", onePerSecond).consumed()).isTrue();
	}

	@Test
	void inMemoryStoreKeepsAtMostItsBound() {
		InMemoryRateLimitStore store = new InMemoryRateLimitStore(3);
		for (int i = 0; i < 50; i++) {
			store.tryConsume("caller-" + i, THREE_PER_MINUTE);
			assertThat(store.size()).isLessThanOrEqualTo(3);
		}
		// The newest caller keeps its bucket: a second request sees the first one spent.
		assertThat(store.tryConsume("caller-49", THREE_PER_MINUTE).remaining()).isEqualTo(1);
	}

	@Test
	void policiesRejectWhatHeadersAndKeysCannotCarry() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitPolicy("a\"b", 1, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitPolicy("a", 0, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitPolicy("a", 1, Duration.ofMillis(1500)));
		assertThat(THREE_PER_MINUTE.withLimit(5)).isEqualTo(new RateLimitPolicy("search", 5, Duration.ofMinutes(1)));
	}

	@Test
	void callersAreThePrincipalThenTheApiKeyThenTheAddress() {
		DefaultRateLimitKeyResolver resolver = new DefaultRateLimitKeyResolver("X-API-Key");
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("192.0.2.7");
		assertThat(resolver.resolve(request)).isEqualTo("address:192.0.2.7");
		request.addHeader("X-API-Key", "sk_live_secret");
		String byKey = resolver.resolve(request);
		assertThat(byKey).matches("api-key:[0-9a-f]{32}").doesNotContain("secret");
		Principal principal = () -> "ann@example.com";
		request.setUserPrincipal(principal);
		assertThat(resolver.resolve(request)).matches("principal:[0-9a-f]{32}").doesNotContain("ann");
	}

	@Test
	void anApiKeyInAuthorizationIsReadWithoutItsScheme() {
		MockHttpServletRequest bearer = new MockHttpServletRequest();
		bearer.addHeader("Authorization", "Bearer sk_live_secret");
		MockHttpServletRequest plain = new MockHttpServletRequest();
		plain.addHeader("X-API-Key", "sk_live_secret");
		assertThat(new DefaultRateLimitKeyResolver("Authorization").resolve(bearer))
			.isEqualTo(new DefaultRateLimitKeyResolver("X-API-Key").resolve(plain));
		assertThat(new DefaultRateLimitKeyResolver("").resolve(plain)).startsWith("address:");
	}

}
