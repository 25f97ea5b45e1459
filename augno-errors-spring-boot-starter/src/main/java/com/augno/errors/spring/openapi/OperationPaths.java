package com.augno.errors.spring.openapi;

import java.util.regex.Pattern;

/**
 * Turns a documented path into a request path that its operation would serve.
 *
 * @since 0.1.0
 */
public final class OperationPaths {

	/**
	 * The value that stands for every path variable: a digit, so that it matches the
	 * usual variable patterns ({@code {id:\d+}}) as well as plain ones.
	 */
	public static final String VARIABLE_VALUE = "1";

	private static final Pattern VARIABLE = Pattern.compile("\\{[^/}]+}");

	private OperationPaths() {
	}

	/**
	 * Return a request path that the documented path matches.
	 * @param path the path with {@code {name}} placeholders
	 * @return the path with each placeholder replaced by {@value #VARIABLE_VALUE}
	 */
	public static String concrete(String path) {
		return VARIABLE.matcher(path).replaceAll(VARIABLE_VALUE);
	}

}
