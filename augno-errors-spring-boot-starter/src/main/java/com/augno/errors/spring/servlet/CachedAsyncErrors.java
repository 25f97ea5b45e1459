package com.augno.errors.spring.servlet;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Delivers an error answered on an async dispatch into a response whose body a filter
 * caches in a {@link ContentCachingResponseWrapper}. A filter that skips async dispatches
 * (as {@code OncePerRequestFilter} does by default) copied its cache to the client when
 * the first dispatch returned, empty; the error would stay in the cache. Without the
 * starter the failure went to the container's error dispatch instead, which wrote around
 * the cache.
 * <p>
 * The {@link RequestIdFilter}, at the head of the chain, copies out what the caches still
 * hold once the async dispatch returns: after a filter that does filter the async
 * dispatch (Spring's {@code ShallowEtagHeaderFilter}, a logging filter that keeps its
 * wrapper) copied the error itself, having seen it, and only for a request whose error
 * the starter answered, so that a successful response stays the application's.
 *
 * @since 0.1.0
 */
final class CachedAsyncErrors {

	private static final String ATTRIBUTE = CachedAsyncErrors.class.getName() + ".answered";

	private CachedAsyncErrors() {
	}

	/**
	 * Record that an error was answered into a response, if it is an async dispatch's and
	 * its body is cached.
	 * @param request the request
	 * @param response the response written
	 */
	static void answered(HttpServletRequest request, ServletResponse response) {
		if (request.getDispatcherType() == DispatcherType.ASYNC
				&& WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class) != null) {
			request.setAttribute(ATTRIBUTE, Boolean.TRUE);
		}
	}

	/**
	 * Copy to the client what the caches of a response still hold, outermost first so
	 * that each copies into the next, if an error was answered into them and the request
	 * is done.
	 * @param request the request
	 * @param response the response the dispatch was given
	 * @throws IOException if copying fails
	 */
	static void deliver(HttpServletRequest request, ServletResponse response) throws IOException {
		// The dispatch type first: no attribute lookup for the usual request.
		if (request.getDispatcherType() != DispatcherType.ASYNC || request.getAttribute(ATTRIBUTE) == null
				|| request.isAsyncStarted()) {
			return;
		}
		request.removeAttribute(ATTRIBUTE);
		ServletResponse current = response;
		while (current instanceof ServletResponseWrapper wrapper) {
			if (wrapper instanceof ContentCachingResponseWrapper cache) {
				cache.copyBodyToResponse();
			}
			current = wrapper.getResponse();
		}
	}

}
