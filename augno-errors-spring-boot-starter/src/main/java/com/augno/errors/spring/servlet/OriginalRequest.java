package com.augno.errors.spring.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The method and path the client sent, also while the container dispatches the request to
 * the error page: Tomcat 11 makes an error dispatch a {@code GET} (keeping the client's
 * method in Servlet 6.1's {@link RequestDispatcher#ERROR_METHOD} attribute) and points
 * its path at the error page, so a log line or message written then would name another
 * request than the client's.
 *
 * @since 0.1.0
 */
public final class OriginalRequest {

	/**
	 * The request attribute that holds the method the client sent, recorded by the
	 * {@link RequestIdFilter} on the request's first dispatch.
	 */
	public static final String METHOD_ATTRIBUTE = OriginalRequest.class.getName() + ".method";

	private OriginalRequest() {
	}

	/**
	 * Record the method of a request, unless it is already in the container's error
	 * dispatch, whose method is not the client's.
	 * @param request the request
	 */
	static void record(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.ERROR) {
			request.setAttribute(METHOD_ATTRIBUTE, request.getMethod());
		}
	}

	/**
	 * Return the method the client sent.
	 * @param request the request, in any dispatch
	 * @return the method the container or the {@link RequestIdFilter} recorded, or the
	 * request's own if none was recorded (as for a request the container rejected before
	 * any filter ran)
	 */
	public static String method(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_METHOD) instanceof String method) {
			return method;
		}
		return (request.getAttribute(METHOD_ATTRIBUTE) instanceof String method) ? method : request.getMethod();
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
