package com.augno.errors.spring.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the README's code snippets of some sections and the tagged regions
 * ({@code // tag::name[]} … {@code // end::name[]}, or {@code #} in YAML and properties)
 * of compiled and tested example files, normalized alike, so that a test can require each
 * snippet to be a region and each region to be shown.
 */
public final class ReadmeRegions {

	private static final Path README = Path.of("..", "README.md");

	private static final Pattern TAG = Pattern.compile("^\\s*(?://|#) (tag|end)::([a-z-]+)\\[\\]\\s*$");

	private static final Pattern SNIPPET = Pattern.compile("(?ms)^```([a-z]+)\\n(.*?)^```$");

	private ReadmeRegions() {
	}

	/**
	 * Return the snippets of the given languages in the given README sections.
	 * @param sections the sections' headings, such as {@code "## Quick start"}
	 * @param languages the fence languages, such as {@code java}
	 * @return the normalized snippets, in README order
	 * @throws IOException if the README cannot be read
	 */
	public static List<String> snippets(List<String> sections, List<String> languages) throws IOException {
		String readme = Files.readString(README);
		List<String> snippets = new ArrayList<>();
		for (String heading : sections) {
			String section = heading + "\n";
			int start = readme.indexOf(section);
			assertThat(start).as("README section %s", heading).isNotNegative();
			int end = readme.indexOf("\n## ", start + section.length());
			Matcher matcher = SNIPPET.matcher(readme.substring(start, (end < 0) ? readme.length() : end));
			while (matcher.find()) {
				if (languages.contains(matcher.group(1))) {
					snippets.add(normalize(matcher.group(2).lines().toList()));
				}
			}
		}
		return snippets;
	}

	/**
	 * Return the tagged regions of the given files, by tag.
	 * @param files the files
	 * @return the normalized regions
	 * @throws IOException if a file cannot be read
	 */
	public static Map<String, String> regions(List<Path> files) throws IOException {
		Map<String, List<String>> lines = new LinkedHashMap<>();
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
