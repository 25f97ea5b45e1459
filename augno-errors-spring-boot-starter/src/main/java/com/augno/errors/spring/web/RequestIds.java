package com.augno.errors.spring.web;

import org.jspecify.annotations.Nullable;

/**
 * Where a request's id is kept, and what an id taken from a client may look like.
 *
 * @since 0.1.0
 */
public final class RequestIds {

	/**
	 * The request attribute that holds the request id.
	 */
	public static final String ATTRIBUTE = RequestIds.class.getName() + ".requestId";

	/**
	 * The MDC key under which the request id is available to log lines.
	 */
	public static final String MDC_KEY = "request_id";

	private static final int MAX_LENGTH = 128;

	private RequestIds() {
	}

	/**
	 * Return whether a value may be used as a request id: 1 to 128 characters of
	 * {@code [A-Za-z0-9._-]}, so it is safe in a header, a URL and a log line.
	 * @param value the candidate
	 * @return whether it is valid
	 */
	public static boolean isValid(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == '-';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

}
