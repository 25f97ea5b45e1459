package com.augno.errors.spring.ratelimit;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultRateLimitKeyResolver}: one key per caller, stable across
 * instances (buckets in Redis outlive a deployment), and no credential in it.
 */
class DefaultRateLimitKeyResolverTests {

	private final DefaultRateLimitKeyResolver resolver = new DefaultRateLimitKeyResolver("X-API-Key");

	@Test
	void givesTheSameKeyToTheSameCaller() {
		assertThat(this.resolver.resolve(withApiKey("sk_live_one")))
			.isEqualTo(this.resolver.resolve(withApiKey("sk_live_one")))
			.isEqualTo(new DefaultRateLimitKeyResolver("X-API-Key").resolve(withApiKey("sk_live_one")));
		assertThat(this.resolver.resolve(withPrincipal("ann@example.com")))
			.isEqualTo(this.resolver.resolve(withPrincipal("ann@example.com")));
	}

	@Test
	void givesEachOfManyAddressesItsOwnKey() {
		// More addresses than the resolver formats once, each seen twice.
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 10_000; i++) {
				MockHttpServletRequest request = new MockHttpServletRequest();
				String address = (i % 2 == 0) ? "203.0." + (i / 250) + "." + (i % 250) : "2001:db8::" + i;
				request.setRemoteAddr(address);
				assertThat(this.resolver.resolve(request)).isEqualTo("address:" + address);
			}
		}
	}

	@Test
	void givesDifferentKeysToDifferentCallers() {
		assertThat(this.resolver.resolve(withApiKey("sk_live_one")))
			.isNotEqualTo(this.resolver.resolve(withApiKey("sk_live_two")));
		assertThat(this.resolver.resolve(withPrincipal("ann@example.com")))
			.isNotEqualTo(this.resolver.resolve(withPrincipal("bob@example.com")));
		// The same value as a principal and as an API key is two callers.
		assertThat(this.resolver.resolve(withPrincipal("sk_live_one")))
			.isNotEqualTo(this.resolver.resolve(withApiKey("sk_live_one")));
	}

	@Test
	void keepsTheKeyOfEarlierVersionsSoThatStoredBucketsStillCount() {
		// The first 16 bytes of SHA-256("sk_live_secret") and SHA-256("ann@example.com"),
		// in hex.
		assertThat(this.resolver.resolve(withApiKey("sk_live_secret")))
			.isEqualTo("api-key:49ae2cdbc42204d2fc202281424e72bd");
		assertThat(this.resolver.resolve(withPrincipal("ann@example.com")))
			.isEqualTo("principal:71d4f55f72fa128dfb468a1a3901507c");
	}

	@Test
	void neverPutsTheCredentialInTheKey() {
		String secret = "sk_live_" + "a".repeat(4000);
		String key = this.resolver.resolve(withApiKey(secret));
		assertThat(key).matches("api-key:[0-9a-f]{32}").doesNotContain("sk_live").doesNotContain("aaaa");
	}

	@Test
	void givesEachOfManyConcurrentCallersItsOwnKey() throws Exception {
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 64; i++) {
			expected.add(this.resolver.resolve(withApiKey("sk_live_" + i)));
		}
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<List<String>>> results = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				results.add(executor.submit(() -> {
					List<String> keys = new ArrayList<>();
					for (int round = 0; round < 50; round++) {
						for (int i = 0; i < 64; i++) {
							keys.add(this.resolver.resolve(withApiKey("sk_live_" + i)));
						}
					}
					return keys;
				}));
			}
			for (Future<List<String>> result : results) {
				List<String> keys = result.get();
				for (int i = 0; i < keys.size(); i++) {
					assertThat(keys.get(i)).isEqualTo(expected.get(i % 64));
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static MockHttpServletRequest withApiKey(String apiKey) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("192.0.2.7");
		request.addHeader("X-API-Key", apiKey);
		return request;
	}

	private static MockHttpServletRequest withPrincipal(String name) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("192.0.2.7");
		Principal principal = () -> name;
		request.setUserPrincipal(principal);
		return request;
	}

}
