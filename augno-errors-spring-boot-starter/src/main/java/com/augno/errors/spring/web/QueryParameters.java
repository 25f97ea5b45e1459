package com.augno.errors.spring.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriUtils;

/**
 * Reads the parameter names of a query string, in order, without touching a form body.
 *
 * @since 0.1.0
 */
final class QueryParameters {

	private static final int MAX_NAME_IN_MESSAGE = 100;

	private QueryParameters() {
	}

	static List<String> names(@Nullable String queryString) {
		if (queryString == null || queryString.isEmpty()) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		for (String pair : queryString.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			if (!name.isEmpty() && !names.contains(name)) {
				names.add(name);
			}
		}
		return names;
	}

	static String shorten(String name) {
		return (name.length() > MAX_NAME_IN_MESSAGE) ? name.substring(0, MAX_NAME_IN_MESSAGE) + "..." : name;
	}

	private static String decode(String raw) {
		try {
			return UriUtils.decode(raw.replace('+', ' '), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return raw;
		}
	}

}
