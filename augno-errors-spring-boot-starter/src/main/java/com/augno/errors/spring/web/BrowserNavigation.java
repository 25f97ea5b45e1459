package com.augno.errors.spring.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Tells a browser navigating to a page from every other client, from its request headers
 * alone, so that both web stacks apply the same rule (error pages, an authentication
 * mechanism's own browser behaviour).
 *
 * @since 0.1.0
 */
public final class BrowserNavigation {

	private BrowserNavigation() {
	}

	/**
	 * Return whether a request is a browser navigating, which asks for HTML before
	 * anything else: {@code text/html}, named itself, is the first of its {@code Accept}
	 * ranges, no {@code application/json} range is ranked as high, and it is not a
	 * script's {@code XMLHttpRequest}.
	 * @param accept the request's {@code Accept} header, or {@code null}
	 * @param requestedWith the request's {@code X-Requested-With} header, or {@code null}
	 * @return whether the client prefers an HTML page
	 */
	public static boolean is(@Nullable String accept, @Nullable String requestedWith) {
		if ("XMLHttpRequest".equalsIgnoreCase(requestedWith)) {
			return false;
		}
		if (accept == null || !accept.contains("html")) {
			return false;
		}
		List<MediaType> ranges;
		try {
			ranges = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		MediaType top = null;
		for (MediaType range : ranges) {
			if (top == null || ranksAbove(range, top)) {
				top = range;
			}
		}
		if (top == null || specificity(top) < 2 || !top.isCompatibleWith(MediaType.TEXT_HTML)
				|| top.getQualityValue() == 0) {
			return false;
		}
		for (MediaType range : ranges) {
			if (specificity(range) == 2 && range.isCompatibleWith(MediaType.APPLICATION_JSON)
					&& range.getQualityValue() == top.getQualityValue()) {
				return false;
			}
		}
		return true;
	}

	private static boolean ranksAbove(MediaType range, MediaType other) {
		double quality = range.getQualityValue();
		double otherQuality = other.getQualityValue();
		return quality > otherQuality || (quality == otherQuality && specificity(range) > specificity(other));
	}

	private static int specificity(MediaType range) {
		return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
	}

}
