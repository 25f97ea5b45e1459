package com.augno.errors.spring.servlet;

import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Sets up again, around an error page the starter renders after the filter chain returned
 * (a status a handler set without a body, a filter's failure), what the chain's filters
 * had set up for the request and cleared on their way out, so that the page's layout sees
 * the request as the application's own pages do. With Spring Security, the starter's
 * scope restores the signed-in user; declare a bean of this type to restore something
 * else (a context your own filter sets and clears).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ErrorPageScope {

	/**
	 * The scope that sets up nothing.
	 */
	ErrorPageScope NONE = (request, rendering) -> rendering.test(request);

	/**
	 * Render a page within this scope.
	 * @param request the request, outside the filter chain or within it
	 * @param rendering renders the page with the request it is given (this one, or one
	 * that wraps it), and tells whether it rendered
	 * @return what {@code rendering} returned
	 */
	boolean render(HttpServletRequest request, Predicate<HttpServletRequest> rendering);

}
