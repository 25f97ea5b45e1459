package com.augno.errors.spring.versioning;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.accept.ApiVersionParser;

/**
 * Comparison of versions of one parser, whose type the parser alone knows.
 */
final class Versions {

	private Versions() {
	}

	/**
	 * Compare two versions of the same parser.
	 * @param left one version
	 * @param right the other
	 * @return their order
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static int compare(Comparable<?> left, Comparable<?> right) {
		return ((Comparable) left).compareTo(right);
	}

	/**
	 * Sort versions, as written, oldest first.
	 * @param parser the parser of the versions
	 * @param versions the versions
	 * @return the sorted versions
	 */
	static List<String> sorted(ApiVersionParser<?> parser, List<String> versions) {
		List<String> sorted = new ArrayList<>(versions);
		sorted.sort((left, right) -> compare(parser.parseVersion(left), parser.parseVersion(right)));
		return List.copyOf(sorted);
	}

}
