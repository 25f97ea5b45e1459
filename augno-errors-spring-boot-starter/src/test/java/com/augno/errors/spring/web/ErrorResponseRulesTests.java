package com.augno.errors.spring.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which paths' failures the starter answers ({@code augno.errors.paths}), and the one
 * rule for a browser navigating.
 */
class ErrorResponseRulesTests {

	@Test
	void noPatternsOrTheCatchAllEnvelopEveryPathWithoutMatching() {
		for (List<String> patterns : List.of(List.<String>of(), List.of("/**"), List.of("/api/**", "/**"))) {
			ErrorResponseRules rules = new ErrorResponseRules(patterns);
			assertThat(rules.envelopesEveryPath()).as("%s", patterns).isTrue();
			assertThat(rules.isEnveloped("/anything")).isTrue();
		}
	}

	@Test
	void scopedPatternsEnvelopOnlyTheirPaths() {
		ErrorResponseRules rules = new ErrorResponseRules(List.of("/api/**", "/v{n}/items"));
		assertThat(rules.envelopesEveryPath()).isFalse();
		assertThat(rules.isEnveloped("/api/items/1")).isTrue();
		assertThat(rules.isEnveloped("/v2/items")).isTrue();
		assertThat(rules.isEnveloped("/admin")).isFalse();
		assertThat(rules.isEnveloped("/")).isFalse();
	}

	@Test
	void aBrowserNavigatingAsksForHtmlFirst() {
		assertThat(ErrorResponseRules.isBrowserNavigation("text/html,application/xhtml+xml,*/*;q=0.8", null)).isTrue();
		assertThat(ErrorResponseRules.isBrowserNavigation("text/html,application/json", null)).isFalse();
		assertThat(ErrorResponseRules.isBrowserNavigation("text/html", "XMLHttpRequest")).isFalse();
		assertThat(ErrorResponseRules.isBrowserNavigation("application/json", null)).isFalse();
		assertThat(ErrorResponseRules.isBrowserNavigation(null, null)).isFalse();
		assertThat(ErrorResponseRules.isBrowserNavigation("text/html;q=0", null)).isFalse();
	}

}
