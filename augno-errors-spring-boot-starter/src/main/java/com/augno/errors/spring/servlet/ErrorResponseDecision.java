package com.augno.errors.spring.servlet;

import java.util.List;

import com.augno.errors.spring.web.ErrorResponseRules;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Decides, for one failed servlet request, what kind of answer it gets, by the
 * {@link ErrorResponseRules} both stacks share: whether the starter answers it at all
 * (its path, the original one in an error dispatch, is within
 * {@code augno.errors.paths}), and whether the client is a browser that prefers an HTML
 * page to JSON. Every place that answers a failure asks this one component, so that they
 * cannot disagree.
 *
 * @since 0.1.0
 */
public class ErrorResponseDecision {

	private final ErrorResponseRules rules;

	/**
	 * Create a decision that answers every path.
	 */
	public ErrorResponseDecision() {
		this(List.of());
	}

	/**
	 * Create a decision that answers the paths matching any of the patterns.
	 * @param patterns {@link org.springframework.web.util.pattern.PathPattern} syntax,
	 * such as {@code /api/**}; empty or {@code /**} for every path
	 * @throws IllegalArgumentException if a pattern cannot be parsed
	 */
	public ErrorResponseDecision(List<String> patterns) {
		this.rules = new ErrorResponseRules(patterns);
	}

	/**
	 * Return whether the starter answers the failures of a request: whether the path it
	 * was made to (the original one, in an error dispatch) is within the configured
	 * paths. Outside them, Spring Boot's own error handling applies.
	 * @param request the request
	 * @return whether the starter answers it
	 */
	public boolean isEnveloped(HttpServletRequest request) {
		return this.rules.envelopesEveryPath() || this.rules.isEnveloped(pathWithinApplication(request));
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
	 * Return whether a request is a browser navigating; see
	 * {@link ErrorResponseRules#isBrowserNavigation(String, String)}.
	 * @param request the request
	 * @return whether the client prefers an HTML page
	 */
	public static boolean isBrowserNavigation(HttpServletRequest request) {
		return ErrorResponseRules.isBrowserNavigation(request.getHeader(HttpHeaders.ACCEPT),
				request.getHeader("X-Requested-With"));
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
