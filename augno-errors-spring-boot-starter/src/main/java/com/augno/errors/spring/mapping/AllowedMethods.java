package com.augno.errors.spring.mapping;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

	private static final List<HttpMethod> STANDARD = Arrays.asList(HttpMethod.values());

	private static final Comparator<HttpMethod> ORDER = Comparator
		.comparingInt((HttpMethod method) -> standardIndex(method))
		.thenComparing(HttpMethod::name);

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
		// Joined as Spring MVC joins them, with ", ".
		copy.set(HttpHeaders.ALLOW,
				allowed.stream().sorted(ORDER).map(HttpMethod::name).collect(Collectors.joining(", ")));
		return copy;
	}

	private static int standardIndex(HttpMethod method) {
		int index = STANDARD.indexOf(method);
		return (index >= 0) ? index : STANDARD.size();
	}

}
