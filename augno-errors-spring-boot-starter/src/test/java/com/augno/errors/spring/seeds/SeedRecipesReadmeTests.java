package com.augno.errors.spring.seeds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.augno.errors.spring.test.ReadmeRegions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java and YAML snippet of the README's "Your own contract" section is a region of
 * the seed formats, the seed catalogues or the catalogue of every key, which the tests
 * run, and every such region is shown: the recipes cannot drift from code that works.
 * gh-13
 */
class SeedRecipesReadmeTests {

	private static final Path TESTS = Path.of("src", "test");

	private static final List<Path> SOURCES = List.of(
			TESTS.resolve("java/com/augno/errors/spring/seeds/AuraErrorFormat.java"),
			TESTS.resolve("java/com/augno/errors/spring/seeds/NestedEnvelopeErrorFormat.java"),
			TESTS.resolve("resources/com/augno/errors/spring/seeds/aura-errors.yaml"),
			TESTS.resolve("resources/com/augno/errors/spring/seeds/nested-envelope-errors.yaml"),
			TESTS.resolve("resources/com/augno/errors/spring/catalogue/every-key.yaml"));

	@Test
	void everyRecipeIsARegionOfTheTestedSourcesAndEveryRegionIsShown() throws IOException {
		List<String> snippets = snippets();
		Map<String, String> regions = regions();
		assertThat(regions).hasSize(SOURCES.size());
		assertThat(snippets).as("README snippets").hasSize(regions.size());
		assertThat(snippets)
			.allSatisfy((snippet) -> assertThat(regions.values()).as("the tested regions").contains(snippet));
		assertThat(regions).allSatisfy(
				(name, region) -> assertThat(snippets).as("README snippet of region %s", name).contains(region));
	}

	private static List<String> snippets() throws IOException {
		return ReadmeRegions.snippets(List.of("## Your own contract"), List.of("java", "yaml"));
	}

	private static Map<String, String> regions() throws IOException {
		return ReadmeRegions.regions(SOURCES);
	}

}
