package com.augno.errors.spring.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The two rules that decide, on either web stack, what kind of answer a failed request
 * gets: whether the starter answers it at all (its path is within
 * {@code augno.errors.paths}; outside, Spring Boot's own error handling applies), and
 * whether the client is a browser navigating, which prefers an HTML page to JSON. Each
 * stack reads the path and headers of its own request and asks these rules, so that the
 * stacks cannot disagree.
 * <p>
 * A request prefers HTML when its {@code Accept} header ranks {@code text/html}, named
 * itself, first and above {@code application/json}, as Spring's negotiation ranks them
 * (quality, then specificity, then order): a browser's
 * {@code text/html,application/xhtml+xml,...;q=0.8} does; a bare <code>*&#47;*</code> (as
 * curl and most HTTP clients send), {@code application/json, text/html} or
 * {@code text/html, application/json} does not.
 *
 * @since 0.1.0
 */
public final class ErrorResponseRules {

	/**
	 * The header htmx sends with each of its requests.
	 */
	public static final String HX_REQUEST = "HX-Request";

	private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

	private final @Nullable List<PathPattern> paths;

	/**
	 * Create rules that answer the paths matching any of the patterns.
	 * @param patterns {@link PathPattern} syntax, such as {@code /api/**}; empty or
	 * {@code /**} for every path
	 * @throws IllegalArgumentException if a pattern cannot be parsed
	 */
	public ErrorResponseRules(List<String> patterns) {
		this.paths = coversEveryPath(patterns) ? null : patterns.stream().map(PARSER::parse).toList();
	}

	/**
	 * Return whether patterns of {@code augno.errors.paths} cover every path, so that
	 * nothing need be matched per request.
	 * @param patterns the patterns
	 * @return whether they are empty or include {@code /**}
	 */
	public static boolean coversEveryPath(List<String> patterns) {
		return patterns.isEmpty() || patterns.contains("/**");
	}

	/**
	 * Return whether the starter answers the failures of requests to every path, so that
	 * a caller need not work out the request's path to ask {@link #isEnveloped(String)}.
	 * @return whether {@code augno.errors.paths} covers every path
	 */
	public boolean envelopesEveryPath() {
		return this.paths == null;
	}

	/**
	 * Return whether the starter answers the failures of requests to a path.
	 * @param pathWithinApplication the path, without the context path, still encoded
	 * @return whether the starter answers them
	 */
	public boolean isEnveloped(String pathWithinApplication) {
		if (this.paths == null) {
			return true;
		}
		try {
			PathContainer path = PathContainer.parsePath(pathWithinApplication);
			for (PathPattern pattern : this.paths) {
				if (pattern.matches(path)) {
					return true;
				}
			}
			return false;
		}
		catch (IllegalArgumentException ex) {
			// A path that cannot be decoded (servers reject most of those themselves) has
			// no scope to step aside for: it gets the envelope.
			return true;
		}
	}

	/**
	 * Return whether a request names no media type, or is htmx's: both follow a login
	 * form's redirect as a page. A request without {@code Accept} is a test's
	 * {@code MockMvc} request or a bare HTTP client; htmx (its {@code HX-Request: true}
	 * header) sends {@code Accept: *}{@code /*} from the browser's
	 * {@code XMLHttpRequest}, which follows the redirect, and swaps the login form into
	 * the page, where a 401 would leave the click without effect.
	 * @param headers the request's headers
	 * @return whether the login redirect is kept for it
	 */
	public static boolean followsLoginRedirect(HttpHeaders headers) {
		return followsLoginRedirect(headers.getFirst(HttpHeaders.ACCEPT), headers.getFirst(HX_REQUEST));
	}

	/**
	 * Return whether a request follows a login form's redirect as a page; see
	 * {@link #followsLoginRedirect(HttpHeaders)}.
	 * @param accept the request's {@code Accept} header, or {@code null}
	 * @param hxRequest the request's {@code HX-Request} header, or {@code null}
	 * @return whether the login redirect is kept for it
	 */
	public static boolean followsLoginRedirect(@Nullable String accept, @Nullable String hxRequest) {
		return accept == null || "true".equalsIgnoreCase(hxRequest);
	}

	/**
	 * Return whether a request is a browser navigating, which asks for HTML before
	 * anything else: {@code text/html}, named itself, is the first of its {@code Accept}
	 * ranges, no {@code application/json} range is ranked as high, and it is not a
	 * script's {@code XMLHttpRequest}. The one rule for error pages and for the
	 * authentication mechanisms' own browser behaviour (a login redirect, a Basic
	 * prompt).
	 * @param headers the request's headers
	 * @return whether the client prefers an HTML page
	 */
	public static boolean isBrowserNavigation(HttpHeaders headers) {
		return isBrowserNavigation(headers.getFirst(HttpHeaders.ACCEPT), headers.getFirst("X-Requested-With"));
	}

	/**
	 * Return whether a request is a browser navigating; see
	 * {@link #isBrowserNavigation(HttpHeaders)}.
	 * @param accept the request's {@code Accept} header, or {@code null}
	 * @param requestedWith the request's {@code X-Requested-With} header, or {@code null}
	 * @return whether the client prefers an HTML page
	 */
	public static boolean isBrowserNavigation(@Nullable String accept, @Nullable String requestedWith) {
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
