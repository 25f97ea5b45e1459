package com.augno.errors.spring.seeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java and YAML snippet of the README's "Your own contract" section is a region of
 * the seed formats, the seed catalogues or the catalogue of every key, which the tests
 * run, and every such region is shown: the recipes cannot drift from code that works.
 * gh-13
 */
class SeedRecipesReadmeTests {

	private static final Path README = Path.of("..", "README.md");

	private static final Path TESTS = Path.of("src", "test");

	private static final List<Path> SOURCES = List.of(
			TESTS.resolve("java/com/augno/errors/spring/seeds/AuraErrorFormat.java"),
			TESTS.resolve("java/com/augno/errors/spring/seeds/NestedEnvelopeErrorFormat.java"),
			TESTS.resolve("resources/com/augno/errors/spring/seeds/aura-errors.yaml"),
			TESTS.resolve("resources/com/augno/errors/spring/seeds/nested-envelope-errors.yaml"),
			TESTS.resolve("resources/com/augno/errors/spring/catalogue/every-key.yaml"));

	private static final Pattern TAG = Pattern.compile("^\\s*(?://|#) (tag|end)::([a-z-]+)\\[\\]\\s*$");

	private static final Pattern SNIPPET = Pattern.compile("(?ms)^```(java|yaml)\\n(.*?)^```$");

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
		String readme = Files.readString(README);
		String section = "## Your own contract\n";
		int start = readme.indexOf(section);
		assertThat(start).as("README section %s", section.trim()).isNotNegative();
		int end = readme.indexOf("\n## ", start + section.length());
		Matcher matcher = SNIPPET.matcher(readme.substring(start, (end < 0) ? readme.length() : end));
		List<String> snippets = new ArrayList<>();
		while (matcher.find()) {
			snippets.add(normalize(matcher.group(2).lines().toList()));
		}
		return snippets;
	}

	private static Map<String, String> regions() throws IOException {
		Map<String, List<String>> lines = new LinkedHashMap<>();
		for (Path file : SOURCES) {
			String open = null;
			for (String line : Files.readAllLines(file)) {
				Matcher tag = TAG.matcher(line);
				if (tag.matches()) {
					open = "tag".equals(tag.group(1)) ? tag.group(2) : null;
				}
				else if (open != null) {
					lines.computeIfAbsent(open, (name) -> new ArrayList<>()).add(line);
				}
			}
		}
		Map<String, String> regions = new LinkedHashMap<>();
		lines.forEach((name, region) -> regions.put(name, normalize(region)));
		return regions;
	}

	private static String normalize(List<String> lines) {
		return String.join("\n", lines.stream().map(String::strip).toList()).strip();
	}

}
