package com.augno.errors.spring.quickstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java and properties snippet of the README's "Quick start" and "Testing your
 * errors" sections is a region of the compiled and tested examples in this package,
 * included verbatim but for indentation, and every region is shown: the README cannot
 * drift from code that compiles. gh-12
 */
class ReadmeSnippetsTests {

	private static final Path README = Path.of("..", "README.md");

	private static final Path EXAMPLES = Path.of("src", "test", "java", "com", "augno", "errors", "spring",
			"quickstart");

	private static final Path PROPERTIES = Path.of("src", "test", "resources", "com", "augno", "errors", "spring",
			"quickstart", "application.properties");

	private static final Pattern TAG = Pattern.compile("^\\s*(?://|#) (tag|end)::([a-z-]+)\\[\\]\\s*$");

	private static final Pattern SNIPPET = Pattern.compile("(?ms)^```(java|properties|json)\\n(.*?)^```$");

	@Test
	void everySnippetIsARegionOfTheExamples() throws IOException {
		List<String> snippets = snippets("java", "properties");
		Map<String, String> regions = regions();
		assertThat(snippets).as("README snippets").hasSizeGreaterThanOrEqualTo(5);
		assertThat(snippets)
			.allSatisfy((snippet) -> assertThat(regions.values()).as("the regions of the examples").contains(snippet));
		assertThat(regions).allSatisfy(
				(name, region) -> assertThat(snippets).as("README snippet of region %s", name).contains(region));
	}

	@Test
	void theJsonShownIsWhatTheCoreExampleWrites() throws IOException {
		assertThat(snippets("json")).contains(EnvelopeWithoutSpring.render("rq_fbv1ygmybo3eauykr74"));
	}

	private static List<String> snippets(String... languages) throws IOException {
		String readme = Files.readString(README);
		List<String> snippets = new ArrayList<>();
		for (String section : List.of("## Quick start\n", "## Testing your errors\n")) {
			int start = readme.indexOf(section);
			assertThat(start).as("README section %s", section.trim()).isNotNegative();
			int end = readme.indexOf("\n## ", start + section.length());
			Matcher matcher = SNIPPET.matcher(readme.substring(start, (end < 0) ? readme.length() : end));
			while (matcher.find()) {
				if (List.of(languages).contains(matcher.group(1))) {
					snippets.add(normalize(matcher.group(2).lines().toList()));
				}
			}
		}
		return snippets;
	}

	private static Map<String, String> regions() throws IOException {
		Map<String, List<String>> lines = new LinkedHashMap<>();
		List<Path> files;
		try (Stream<Path> examples = Files.list(EXAMPLES)) {
			files = new ArrayList<>(examples.filter((path) -> path.toString().endsWith(".java")).sorted().toList());
		}
		files.add(PROPERTIES);
		for (Path file : files) {
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
