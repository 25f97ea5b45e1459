package com.augno.errors.spring.servlet;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The method and path the client sent, also while the container dispatches the request to
 * the error page: Tomcat 11 makes an error dispatch a {@code GET} (keeping the client's
 * method in Servlet 6.1's {@link RequestDispatcher#ERROR_METHOD} attribute) and points
 * its path at the error page, so a log line or message written then would name another
 * request than the client's. Tomcat 11 and Jetty 12 keep the client's method and path in
 * the error dispatch's attributes; nothing needs recording on every request.
 *
 * @since 0.1.0
 */
public final class OriginalRequest {

	private OriginalRequest() {
	}

	/**
	 * Return the method the client sent.
	 * @param request the request, in any dispatch
	 * @return the method the container recorded for its error dispatch, otherwise the
	 * request's own
	 */
	public static String method(HttpServletRequest request) {
		return (request.getAttribute(RequestDispatcher.ERROR_METHOD) instanceof String method) ? method
				: request.getMethod();
	}

	/**
	 * Return the path the client asked for.
	 * @param request the request, in any dispatch
	 * @return the request URI, during an error dispatch the one that failed
	 */
	public static String uri(HttpServletRequest request) {
		return (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) ? uri
				: request.getRequestURI();
	}

}
