package com.augno.errors.spring.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultRequestIdGenerator}.
 */
class DefaultRequestIdGeneratorTests {

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private final DefaultRequestIdGenerator generator = new DefaultRequestIdGenerator();

	@Test
	void generatesValidIdsOfTheDashboardsForm() {
		for (int i = 0; i < 1_000; i++) {
			String id = this.generator.generate();
			assertThat(id).matches("rq_[a-z0-9]{20}");
			assertThat(RequestIds.isValid(id)).isTrue();
		}
	}

	// Each position draws from the whole alphabet: 20,000 ids leave a character out of a
	// position with a probability of about 36 * 20 * (35/36)^20,000, nil.
	@Test
	void usesEveryCharacterAtEveryPosition() {
		List<Set<Character>> seen = new ArrayList<>();
		for (int p = 0; p < 20; p++) {
			seen.add(new HashSet<>());
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 20_000; i++) {
			String id = this.generator.generate();
			ids.add(id);
			for (int p = 0; p < seen.size(); p++) {
				seen.get(p).add(id.charAt(3 + p));
			}
		}
		assertThat(ids).hasSize(20_000);
		for (int p = 0; p < seen.size(); p++) {
			assertThat(seen.get(p)).as("characters at position %d", p).hasSize(ALPHABET.length());
		}
	}

}
