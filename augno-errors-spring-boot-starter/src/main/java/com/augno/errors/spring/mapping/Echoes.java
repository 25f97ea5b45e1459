package com.augno.errors.spring.mapping;

/**
 * Bounds the client-controlled text an envelope repeats: a field path, a parameter or map
 * key, a URL path, an HTTP method. A client sending a 5,000-character name must not get a
 * 5,000-character answer, nor make every log line that long.
 *
 * @since 0.1.0
 */
final class Echoes {

	/**
	 * The longest echo, in characters.
	 */
	static final int MAX_LENGTH = 200;

	private Echoes() {
	}

	/**
	 * Return a name as a {@code param} carries it: cut at {@value #MAX_LENGTH}
	 * characters.
	 * @param name the name
	 * @return the bounded name
	 */
	static String param(String name) {
		return (name.length() > MAX_LENGTH) ? name.substring(0, MAX_LENGTH) : name;
	}

	/**
	 * Return the words a message about a field or parameter starts with, bounded: the
	 * {@link Labels label} of the whole path, so that a long map key or index does not
	 * end up in it half cut.
	 * @param path the path or name, as long as the client sent it
	 * @return the bounded label
	 */
	static String label(String path) {
		return inMessage(Labels.of(path));
	}

	/**
	 * Return text as a message quotes it: cut at {@value #MAX_LENGTH} characters, with an
	 * ellipsis when cut.
	 * @param text the text
	 * @return the bounded text
	 */
	static String inMessage(String text) {
		return (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) + "..." : text;
	}

}
