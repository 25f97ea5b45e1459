package com.augno.errors.spring.quickstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.augno.errors.spring.test.ReadmeRegions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java and properties snippet of the README's "Quick start" and "Testing your
 * errors" sections is a region of the compiled and tested examples in this package,
 * included verbatim but for indentation, and every region is shown: the README cannot
 * drift from code that compiles. gh-12
 */
class ReadmeSnippetsTests {

	private static final Path EXAMPLES = Path.of("src", "test", "java", "com", "augno", "errors", "spring",
			"quickstart");

	private static final Path PROPERTIES = Path.of("src", "test", "resources", "com", "augno", "errors", "spring",
			"quickstart", "application.properties");

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
		return ReadmeRegions.snippets(List.of("## Quick start", "## Testing your errors"), List.of(languages));
	}

	private static Map<String, String> regions() throws IOException {
		List<Path> files;
		try (Stream<Path> examples = Files.list(EXAMPLES)) {
			files = new ArrayList<>(examples.filter((path) -> path.toString().endsWith(".java")).sorted().toList());
		}
		files.add(PROPERTIES);
		return ReadmeRegions.regions(files);
	}

}
