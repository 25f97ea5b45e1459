package com.augno.errors.spring.security;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.augno.errors.spring.openapi.OperationAccess;
import com.augno.errors.spring.openapi.OperationPaths;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Decides an operation's access from the application's Spring Security URL rules: the
 * {@link AuthorizationFilter} of the first {@link SecurityFilterChain} that matches a
 * request for the operation's path (each variable replaced by
 * {@value OperationPaths#VARIABLE_VALUE}) is asked twice, for an anonymous client and for
 * an authenticated client without any authority. Granted to the first: public; to the
 * second only: any authenticated client; to neither: only clients with an authority. A
 * rule that cannot be decided on such a request (one that reads a header, say) counts as
 * a refusal, so that the document rather lists a code too many than one too few.
 * <p>
 * Spring Security's own {@code WebInvocationPrivilegeEvaluator} does the same, but its
 * request cannot answer {@code getDispatcherType()}, which the common
 * {@code dispatcherTypeMatchers(...)} rules ask.
 *
 * @since 0.1.0
 */
public final class SecurityFilterChainOperationAccess implements OperationAccess {

	private static final String PRINCIPAL = "augno-openapi";

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken(PRINCIPAL, "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	private static final Authentication AUTHENTICATED = UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL,
			null, List.of());

	private final ObjectProvider<FilterChainProxy> filterChains;

	private final ObjectProvider<ServletContext> servletContext;

	/**
	 * Create the access decision.
	 * @param filterChains the application's filter chain proxy, looked up when first
	 * asked
	 * @param servletContext the servlet context the requests are made in
	 */
	public SecurityFilterChainOperationAccess(ObjectProvider<FilterChainProxy> filterChains,
			ObjectProvider<ServletContext> servletContext) {
		this.filterChains = filterChains;
		this.servletContext = servletContext;
	}

	@Override
	public Access of(String method, String path) {
		FilterChainProxy proxy = this.filterChains.getIfUnique();
		if (proxy == null) {
			return Access.PUBLIC;
		}
		HttpServletRequest request = request(method, OperationPaths.concrete(path));
		if (isGranted(proxy, request, ANONYMOUS)) {
			return Access.PUBLIC;
		}
		return isGranted(proxy, request, AUTHENTICATED) ? Access.AUTHENTICATED : Access.AUTHORIZED;
	}

	private HttpServletRequest request(String method, String uri) {
		ServletContext context = this.servletContext.getIfAvailable();
		FilterInvocation invocation = (context != null) ? new FilterInvocation("", uri, method, context)
				: new FilterInvocation("", uri, method);
		return new OperationRequest(invocation.getHttpRequest());
	}

	private static boolean isGranted(FilterChainProxy proxy, HttpServletRequest request,
			Authentication authentication) {
		try {
			List<Filter> filters = MatchingChain.filters(proxy, request);
			return filters == null || isGranted(filters, request, authentication);
		}
		catch (RuntimeException undecidable) {
			return false;
		}
	}

	private static boolean isGranted(List<Filter> filters, HttpServletRequest request, Authentication authentication) {
		for (Filter filter : filters) {
			if (filter instanceof AuthorizationFilter authorization) {
				@Nullable AuthorizationResult result = authorization.getAuthorizationManager()
					.authorize(() -> authentication, request);
				return result == null || result.isGranted();
			}
		}
		return true;
	}

	/**
	 * Spring Security's stand-in request, with what its own evaluator adds to it for path
	 * matchers (attributes) and what dispatcher type rules ask.
	 */
	private static final class OperationRequest extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		OperationRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public DispatcherType getDispatcherType() {
			return DispatcherType.REQUEST;
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			return this.attributes.get(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return Collections.enumeration(this.attributes.keySet());
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.remove(name);
		}

	}

}
