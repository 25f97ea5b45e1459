package com.augno.errors.spring.security;

import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Finds the filters Spring Security applies to a request: those of the first chain that
 * matches it, as {@link FilterChainProxy} picks the chain.
 *
 * @since 0.1.0
 */
final class MatchingChain {

	private MatchingChain() {
	}

	/**
	 * Return the filters of the first chain that matches the request.
	 * @param proxy the application's filter chain proxy
	 * @param request the request
	 * @return the filters, or {@code null} if no chain matches
	 */
	static @Nullable List<Filter> filters(FilterChainProxy proxy, HttpServletRequest request) {
		for (SecurityFilterChain chain : proxy.getFilterChains()) {
			if (chain.matches(request)) {
				return chain.getFilters();
			}
		}
		return null;
	}

}
