package com.augno.errors.spring.servlet;

import java.util.List;

import com.augno.errors.spring.web.BrowserNavigation;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Decides, for one failed request, what kind of answer it gets: whether the starter
 * answers it at all (its path is within {@code augno.errors.paths}), and whether the
 * client is a browser that prefers an HTML page to JSON. Every place that answers a
 * failure asks this one component, so that they cannot disagree.
 * <p>
 * A request prefers HTML when its {@code Accept} header ranks {@code text/html}, named
 * itself, first and above {@code application/json}, as Spring MVC's negotiation ranks
 * them (quality, then specificity, then order): a browser's
 * {@code text/html,application/xhtml+xml,...;q=0.8} does; a bare <code>*&#47;*</code> (as
 * curl and most HTTP clients send), {@code application/json, text/html} or
 * {@code text/html, application/json} does not.
 *
 * @since 0.1.0
 */
public class ErrorResponseDecision {

	private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

	private final @Nullable List<PathPattern> paths;

	/**
	 * Create a decision that answers every path.
	 */
	public ErrorResponseDecision() {
		this.paths = null;
	}

	/**
	 * Create a decision that answers the paths matching any of the patterns.
	 * @param patterns {@link PathPattern} syntax, such as {@code /api/**}; empty or
	 * {@code /**} for every path
	 * @throws IllegalArgumentException if a pattern cannot be parsed
	 */
	public ErrorResponseDecision(List<String> patterns) {
		if (patterns.isEmpty() || patterns.contains("/**")) {
			this.paths = null;
			return;
		}
		this.paths = patterns.stream().map(PARSER::parse).toList();
	}

	/**
	 * Return whether the starter answers the failures of a request: whether the path it
	 * was made to (the original one, in an error dispatch) is within the configured
	 * paths. Outside them, Spring Boot's own error handling applies.
	 * @param request the request
	 * @return whether the starter answers it
	 */
	public boolean isEnveloped(HttpServletRequest request) {
		if (this.paths == null) {
			return true;
		}
		try {
			PathContainer path = PathContainer.parsePath(pathWithinApplication(request));
			for (PathPattern pattern : this.paths) {
				if (pattern.matches(path)) {
					return true;
				}
			}
			return false;
		}
		catch (IllegalArgumentException ex) {
			// A path that cannot be decoded (Tomcat rejects those itself) has no scope to
			// step aside for: it gets the envelope.
			return true;
		}
	}

	/**
	 * Return whether a request asks for HTML before anything else, JSON in particular;
	 * see {@link #isBrowserNavigation(HttpServletRequest)}.
	 * @param request the request
	 * @return whether the client prefers an HTML page
	 */
	public boolean prefersHtml(HttpServletRequest request) {
		return isBrowserNavigation(request);
	}

	/**
	 * Return whether a request is a browser navigating, which asks for HTML before
	 * anything else: {@code text/html}, named itself, is the first of its {@code Accept}
	 * ranges, no {@code application/json} range is ranked as high, and it is not a
	 * script's {@code XMLHttpRequest}. The one rule for error pages and for the
	 * authentication mechanisms' own browser behaviour (a login redirect, a Basic
	 * prompt).
	 * @param request the request
	 * @return whether the client prefers an HTML page
	 */
	public static boolean isBrowserNavigation(HttpServletRequest request) {
		return BrowserNavigation.is(request.getHeader(HttpHeaders.ACCEPT), request.getHeader("X-Requested-With"));
	}

	private static String pathWithinApplication(HttpServletRequest request) {
		@Nullable String uri = null;
		if (request.getDispatcherType() == DispatcherType.ERROR
				&& request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original) {
			uri = original;
		}
		if (uri == null) {
			uri = request.getRequestURI();
		}
		if (uri == null) {
			return "/";
		}
		String contextPath = request.getContextPath();
		if (contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath)) {
			uri = uri.substring(contextPath.length());
		}
		return uri.isEmpty() ? "/" : uri;
	}

}
