package com.augno.errors.spring.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * The {@code Allow} header of a 405 in one stable order, whatever order Spring MVC found
 * the handler methods in (which follows reflection and the mapping registry, and so can
 * differ between builds): the standard methods in the order of
 * {@link HttpMethod#values()}
 * ({@code GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE}), then any other method
 * alphabetically.
 */
final class AllowedMethods {

	private static final HttpMethod[] STANDARD = HttpMethod.values();

	private AllowedMethods() {
	}

	/**
	 * Return a copy of the given headers with {@code Allow} in the stable order.
	 * @param headers the headers of the exception
	 * @param allowed the methods the resource supports
	 * @return the headers to send
	 */
	static HttpHeaders sorted(HttpHeaders headers, Set<HttpMethod> allowed) {
		HttpHeaders copy = new HttpHeaders();
		copy.putAll(headers);
		copy.set(HttpHeaders.ALLOW, join(allowed));
		return copy;
	}

	/**
	 * Join the methods as Spring MVC joins them, with ", ", without a stream or a sort
	 * for the standard methods: this runs for every 405.
	 */
	private static String join(Set<HttpMethod> allowed) {
		StringBuilder joined = new StringBuilder(allowed.size() * 8);
		int standard = 0;
		for (HttpMethod method : STANDARD) {
			if (allowed.contains(method)) {
				append(joined, method.name());
				standard++;
			}
		}
		if (standard < allowed.size()) {
			List<String> others = new ArrayList<>();
			for (HttpMethod method : allowed) {
				if (!Arrays.asList(STANDARD).contains(method)) {
					others.add(method.name());
				}
			}
			Collections.sort(others);
			others.forEach((name) -> append(joined, name));
		}
		return joined.toString();
	}

	private static void append(StringBuilder joined, String method) {
		if (!joined.isEmpty()) {
			joined.append(", ");
		}
		joined.append(method);
	}

}
