package com.augno.errors.spring.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.augno.errors.AugnoException;
import com.augno.errors.spring.properties.StoreFailurePolicy;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RateLimitInterceptor} without a server: the fields of several
 * policies, limits adapted per caller, and routes without a limit.
 */
class RateLimitInterceptorTests {

	private static final RateLimitPolicy HOURLY = new RateLimitPolicy("hourly", 100, Duration.ofHours(1));

	private static final RateLimitPolicy BURST = new RateLimitPolicy("burst", 2, Duration.ofSeconds(10));

	private final RateLimitPolicies policies = RateLimitPolicies
		.of(List.of(RateLimitPolicies.Route.of(HOURLY, List.of("/v1/**"), List.of()),
				RateLimitPolicies.Route.of(BURST, List.of("/v1/orders"), List.of("POST"))));

	@Test
	void aRequestUnderSeveralPoliciesCarriesTheFieldsOfEachInOrder() {
		RateLimitInterceptor interceptor = interceptor((policy, request) -> policy);
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(interceptor.preHandle(request("POST", "/v1/orders", "192.0.2.1"), response, new Object())).isTrue();
		assertThat(response.getHeader("RateLimit-Policy")).isEqualTo("\"hourly\";q=100;w=3600, \"burst\";q=2;w=10");
		assertThat(response.getHeader("RateLimit")).matches("\"hourly\";r=99;t=\\d+, \"burst\";r=1;t=\\d+");
	}

	@Test
	void overOneOfSeveralPoliciesIsRefusedWithTheFieldsOfAll() {
		RateLimitInterceptor interceptor = interceptor((policy, request) -> policy);
		for (int i = 0; i < 2; i++) {
			interceptor.preHandle(request("POST", "/v1/orders", "192.0.2.1"), new MockHttpServletResponse(),
					new Object());
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThatExceptionOfType(AugnoException.class)
			.isThrownBy(() -> interceptor.preHandle(request("POST", "/v1/orders", "192.0.2.1"), response, new Object()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("rate_limit_exceeded");
				assertThat(ex.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
			});
		assertThat(response.getHeader("RateLimit")).matches("\"hourly\";r=97;t=\\d+, \"burst\";r=0;t=\\d+");
		// Another caller has buckets of its own.
		MockHttpServletResponse other = new MockHttpServletResponse();
		assertThat(interceptor.preHandle(request("POST", "/v1/orders", "192.0.2.2"), other, new Object())).isTrue();
		assertThat(other.getHeader("RateLimit")).matches("\"hourly\";r=99;t=\\d+, \"burst\";r=1;t=\\d+");
	}

	@Test
	void aLimitAdaptedToTheCallerIsTheOneInItsFields() {
		// A new policy on every request, as a resolver that reads the caller's plan
		// makes.
		RateLimitInterceptor interceptor = interceptor((policy, request) -> new RateLimitPolicy(policy.name(),
				"192.0.2.9".equals(request.getRemoteAddr()) ? 1000 : policy.limit(), policy.window()));
		for (int i = 0; i < 3; i++) {
			MockHttpServletResponse premium = new MockHttpServletResponse();
			interceptor.preHandle(request("GET", "/v1/items", "192.0.2.9"), premium, new Object());
			assertThat(premium.getHeader("RateLimit-Policy")).isEqualTo("\"hourly\";q=1000;w=3600");
			MockHttpServletResponse basic = new MockHttpServletResponse();
			interceptor.preHandle(request("GET", "/v1/items", "192.0.2.1"), basic, new Object());
			assertThat(basic.getHeader("RateLimit-Policy")).isEqualTo("\"hourly\";q=100;w=3600");
		}
	}

	@Test
	void aRouteWithoutALimitGetsNoFields() {
		RateLimitInterceptor interceptor = interceptor((policy, request) -> policy);
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(interceptor.preHandle(request("GET", "/v2/items", "192.0.2.1"), response, new Object())).isTrue();
		assertThat(response.getHeaderNames()).doesNotContain("RateLimit", "RateLimit-Policy");
		// The method of a route counts: a GET is under the hourly limit only.
		MockHttpServletResponse get = new MockHttpServletResponse();
		interceptor.preHandle(request("GET", "/v1/orders", "192.0.2.1"), get, new Object());
		assertThat(get.getHeader("RateLimit-Policy")).isEqualTo("\"hourly\";q=100;w=3600");
	}

	@Test
	void manyCallersAndRemainingCountsGetTheirOwnKeysAndFields() {
		// More callers than the interceptor and the resolver cache keys for, each seen
		// twice, with a different remaining count and reset every time.
		List<String> keys = new ArrayList<>();
		List<RateLimitProbe> probes = new ArrayList<>();
		RateLimitStore store = (key, policy) -> {
			int n = keys.size();
			RateLimitProbe probe = new RateLimitProbe(true, (n * 7919L) % 100_001, Duration.ZERO,
					Duration.ofMillis((n * 104_729L) % 3_600_000));
			keys.add(key);
			probes.add(probe);
			return probe;
		};
		RateLimitInterceptor interceptor = new RateLimitInterceptor(this.policies, new DefaultRateLimitKeyResolver(""),
				(policy, request) -> policy, store, "test:", StoreFailurePolicy.REJECT);
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 10_000; i++) {
				String address = "198.51." + (i / 250) + "." + (i % 250);
				MockHttpServletResponse response = new MockHttpServletResponse();
				interceptor.preHandle(request("GET", "/v1/items", address), response, new Object());
				int last = keys.size() - 1;
				assertThat(keys.get(last)).isEqualTo("test:hourly:address:" + address);
				assertThat(response.getHeader("RateLimit"))
					.isEqualTo(RateLimitHeaders.state(List.of(HOURLY), List.of(probes.get(last))));
				assertThat(response.getHeader("RateLimit-Policy")).isEqualTo("\"hourly\";q=100;w=3600");
			}
		}
	}

	private RateLimitInterceptor interceptor(RateLimitPolicyResolver policyResolver) {
		return new RateLimitInterceptor(this.policies, new DefaultRateLimitKeyResolver(""), policyResolver,
				new InMemoryRateLimitStore(100), "test:", StoreFailurePolicy.REJECT);
	}

	private static MockHttpServletRequest request(String method, String path, String address) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setRemoteAddr(address);
		return request;
	}

}
