package com.augno.errors.spring.security;

import java.lang.reflect.Field;
import java.util.List;
import java.util.function.Predicate;

import com.augno.errors.spring.servlet.ErrorPageScope;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestWrapper;
import org.springframework.util.ReflectionUtils;

/**
 * Restores the signed-in user around an error page rendered after Spring Security's
 * filter chain returned and cleared its context (the page for a status a handler set
 * without a body): the context is loaded again from the repository of the chain that
 * matches the request (the session for a form login, the request for HTTP Basic or a
 * bearer token), and the page is rendered with a request that knows its user, as the
 * chain's {@code SecurityContextHolderAwareRequestFilter} gives Spring MVC. So a layout's
 * {@code sec:authorize}, {@code @AuthenticationPrincipal} or {@code Principal} sees the
 * user the application's own pages see, not a guest. Within the chain, where the context
 * is still there, the page is rendered as it is; a context the chain keeps nowhere (a
 * filter that only sets the holder) cannot be restored.
 *
 * @since 0.1.0
 */
public final class SecurityContextErrorPageScope implements ErrorPageScope {

	/**
	 * The request attribute {@code SecurityContextHolderFilter} sets while the request is
	 * within it.
	 */
	private static final Log logger = LogFactory.getLog(SecurityContextErrorPageScope.class);

	private static final String WITHIN_CHAIN = SecurityContextHolderFilter.class.getName() + ".APPLIED";

	private static final @Nullable Field REPOSITORY = ReflectionUtils.findField(SecurityContextHolderFilter.class,
			"securityContextRepository", SecurityContextRepository.class);

	private final ObjectProvider<FilterChainProxy> filterChains;

	private final SecurityContextHolderStrategy holder;

	private final String rolePrefix;

	/**
	 * Create the scope.
	 * @param filterChains the application's Spring Security filter chains
	 * @param holder the holder of the security context the application's chains use
	 * @param rolePrefix the prefix of role authorities ({@code ROLE_} by default)
	 */
	public SecurityContextErrorPageScope(ObjectProvider<FilterChainProxy> filterChains,
			SecurityContextHolderStrategy holder, String rolePrefix) {
		this.filterChains = filterChains;
		this.holder = holder;
		this.rolePrefix = rolePrefix;
	}

	@Override
	public boolean render(HttpServletRequest request, Predicate<HttpServletRequest> rendering) {
		if (request.getAttribute(WITHIN_CHAIN) != null) {
			return rendering.test(request);
		}
		SecurityContext context = load(request);
		if (context == null || context.getAuthentication() == null) {
			return rendering.test(request);
		}
		this.holder.setContext(context);
		try {
			SecurityContextHolderAwareRequestWrapper signedIn = new SecurityContextHolderAwareRequestWrapper(request,
					this.rolePrefix);
			signedIn.setSecurityContextHolderStrategy(this.holder);
			return rendering.test(signedIn);
		}
		finally {
			this.holder.clearContext();
		}
	}

	/**
	 * Load the request's context, or {@code null}: a repository that fails (a session
	 * that cannot be read back) leaves the page to a guest rather than failing it.
	 */
	private @Nullable SecurityContext load(HttpServletRequest request) {
		try {
			SecurityContextRepository repository = repository(request);
			return (repository != null) ? repository.loadDeferredContext(request).get() : null;
		}
		catch (RuntimeException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("Could not load the security context for the error page of " + request.getRequestURI(),
						ex);
			}
			return null;
		}
	}

	/**
	 * Return the repository of the chain that matches the request, or {@code null} if
	 * there is none or it keeps no context.
	 */
	private @Nullable SecurityContextRepository repository(HttpServletRequest request) {
		FilterChainProxy proxy = this.filterChains.getIfUnique();
		List<Filter> filters = (proxy != null) ? MatchingChain.filters(proxy, request) : null;
		if (filters == null) {
			return null;
		}
		for (Filter filter : filters) {
			if (filter instanceof SecurityContextHolderFilter holderFilter
					&& PrivateFields.read(REPOSITORY, holderFilter) instanceof SecurityContextRepository repository) {
				return repository;
			}
		}
		return null;
	}

}
