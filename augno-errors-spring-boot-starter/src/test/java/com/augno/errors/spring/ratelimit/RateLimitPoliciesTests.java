package com.augno.errors.spring.ratelimit;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UrlPathHelper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RateLimitPolicies}' shortcut for handlers under no route: skipped only
 * when the handler's pattern and every route's pattern differ in a literal segment.
 */
class RateLimitPoliciesTests {

	private static final RateLimitPolicy HOURLY = new RateLimitPolicy("hourly", 100, Duration.ofHours(1));

	private static final RateLimitPolicy EXPORTS = new RateLimitPolicy("exports", 5, Duration.ofMinutes(1));

	private final RateLimitPolicies policies = RateLimitPolicies
		.of(List.of(RateLimitPolicies.Route.of(HOURLY, List.of("/v1/**"), List.of()),
				RateLimitPolicies.Route.of(EXPORTS, List.of("/reports/{id}/export"), List.of())));

	@Test
	void aHandlerPatternUnderNoRouteSkipsTheMatch() {
		// A pattern the path does not match, as no handler mapping would report, shows
		// that the routes were not matched against the path.
		assertThat(this.policies.forRequest(request("/v1/items", "/v2/items/{id}"), new Object())).isEmpty();
		assertThat(this.policies.forRequest(request("/v1/items", "/Health"), new Object())).isEmpty();
	}

	@Test
	void aHandlerPatternARouteMayMatchIsMatchedOnThePath() {
		assertThat(this.policies.forRequest(request("/v1/items/7", "/v1/items/{id}"), new Object()))
			.containsExactly(HOURLY);
		// Undecided by the literal segments: matched on the path, request by request.
		assertThat(this.policies.forRequest(request("/v1/items", "/{version}/items"), new Object()))
			.containsExactly(HOURLY);
		assertThat(this.policies.forRequest(request("/v2/items", "/{version}/items"), new Object())).isEmpty();
		assertThat(this.policies.forRequest(request("/reports/7/export", "/reports/{id}/{action}"), new Object()))
			.containsExactly(EXPORTS);
		assertThat(this.policies.forRequest(request("/reports/7/view", "/reports/{id}/{action}"), new Object()))
			.isEmpty();
		// Case may be ignored by the application's parser: not a difference.
		assertThat(this.policies.forRequest(request("/v1/items", "/V1/items"), new Object())).containsExactly(HOURLY);
	}

	@Test
	void withoutAPatternOrWithALookupPathTheRoutesAreMatchedOnThePath() {
		MockHttpServletRequest noPattern = new MockHttpServletRequest("GET", "/v1/items");
		assertThat(this.policies.forRequest(noPattern, new Object())).containsExactly(HOURLY);
		// Matched with AntPathMatcher on a lookup path, which need not be the routes'
		// path.
		MockHttpServletRequest antMatched = request("/v1/items", "/v2/items");
		antMatched.setAttribute(UrlPathHelper.PATH_ATTRIBUTE, "/v2/items");
		assertThat(this.policies.forRequest(antMatched, new Object())).containsExactly(HOURLY);
	}

	@Test
	void leadingLiteralsStopAtTheFirstSegmentThatIsNotPlainText() {
		assertThat(RateLimitPolicies.leadingLiterals("/v1/items/{id}")).containsExactly("v1", "items");
		assertThat(RateLimitPolicies.leadingLiterals("/v1/**")).containsExactly("v1");
		assertThat(RateLimitPolicies.leadingLiterals("/**")).isEmpty();
		assertThat(RateLimitPolicies.leadingLiterals("/")).isEmpty();
		assertThat(RateLimitPolicies.leadingLiterals("")).isEmpty();
		assertThat(RateLimitPolicies.leadingLiterals("items/*.json")).containsExactly("items");
		assertThat(RateLimitPolicies.leadingLiterals("/a/b?/c")).containsExactly("a");
		assertThat(RateLimitPolicies.leadingLiterals("/a;v=1/b")).isEmpty();
		assertThat(RateLimitPolicies.leadingLiterals("/a//b")).containsExactly("a");
		assertThat(RateLimitPolicies.leadingLiterals("/a/b/")).containsExactly("a", "b");
		assertThat(RateLimitPolicies.disjoint(List.of("v1"), List.of("v2", "items"))).isTrue();
		assertThat(RateLimitPolicies.disjoint(List.of("v1"), List.of("V1", "items"))).isFalse();
		assertThat(RateLimitPolicies.disjoint(List.of(), List.of("v2"))).isFalse();
	}

	private static MockHttpServletRequest request(String path, String handlerPattern) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, handlerPattern);
		return request;
	}

}
