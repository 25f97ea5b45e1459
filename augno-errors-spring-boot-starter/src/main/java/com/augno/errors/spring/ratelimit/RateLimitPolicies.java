package com.augno.errors.spring.ratelimit;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Finds the policies that apply to a request: those of the routes whose paths and methods
 * match, then the {@link RateLimit} of its handler method or class (worked out once per
 * handler method).
 *
 * @since 0.1.0
 */
public final class RateLimitPolicies {

	// Stands for "no annotation" in the cache of annotated handler methods.
	private static final RateLimitPolicy NOT_ANNOTATED = new RateLimitPolicy("none", 1, Duration.ofSeconds(1));

	private final Route[] routes;

	private final ConcurrentMap<Method, RateLimitPolicy> annotated = new ConcurrentHashMap<>();

	// Whether a route may match some path of a handler's pattern, worked out once per
	// pattern: most handlers are under no route, and their requests then skip the match.
	private final BoundedCache<String, Boolean> routesMayMatch = new BoundedCache<>(1024, this::routesMayMatch);

	private RateLimitPolicies(List<Route> routes) {
		this.routes = List.copyOf(routes).toArray(new Route[0]);
	}

	/**
	 * Create the policies of a list of routes.
	 * @param routes the routes
	 * @return the policies
	 */
	public static RateLimitPolicies of(List<Route> routes) {
		return new RateLimitPolicies(routes);
	}

	/**
	 * Return whether no route is configured (annotated handlers may still be limited).
	 * @return whether there are no routes
	 */
	public boolean hasNoRoutes() {
		return this.routes.length == 0;
	}

	/**
	 * Return the policies of a request, routes first.
	 * @param request the request
	 * @param handler its handler
	 * @return the policies, often empty
	 */
	public List<RateLimitPolicy> forRequest(HttpServletRequest request, Object handler) {
		List<RateLimitPolicy> policies = List.of();
		if (this.routes.length > 0 && routesMayMatch(request)) {
			String method = request.getMethod();
			@Nullable PathContainer path = null;
			for (Route route : this.routes) {
				if (!route.appliesTo(method)) {
					continue;
				}
				if (path == null) {
					path = pathWithinApplication(request);
				}
				if (route.matches(path)) {
					policies = add(policies, route.policy());
				}
			}
		}
		if (handler instanceof HandlerMethod handlerMethod) {
			// Looked up before computeIfAbsent, which may lock a bin even when the
			// method is there already.
			Method method = handlerMethod.getMethod();
			RateLimitPolicy policy = this.annotated.get(method);
			if (policy == null) {
				policy = this.annotated.computeIfAbsent(method, (key) -> annotated(handlerMethod));
			}
			if (policy != NOT_ANNOTATED) {
				policies = add(policies, policy);
			}
		}
		return policies;
	}

	/**
	 * Return whether a route may match the request, judged by the pattern its handler
	 * matched: {@code false} only when the leading literal segments of that pattern and
	 * of every route pattern differ, so that no path can match both. Only for handlers
	 * matched on the parsed path the routes are matched on ({@code PathPattern}s, not a
	 * lookup path of {@code AntPathMatcher}).
	 */
	private boolean routesMayMatch(HttpServletRequest request) {
		if (request.getAttribute(UrlPathHelper.PATH_ATTRIBUTE) != null) {
			return true;
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return !(pattern instanceof String handlerPattern) || this.routesMayMatch.get(handlerPattern);
	}

	private Boolean routesMayMatch(String handlerPattern) {
		List<String> handlerLiterals = leadingLiterals(handlerPattern);
		for (Route route : this.routes) {
			for (PathPattern pattern : route.patterns()) {
				if (!disjoint(handlerLiterals, leadingLiterals(pattern.getPatternString()))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Return the segments of a pattern up to its first one that is not plain text (a
	 * variable, a wildcard, matrix parameters, an empty segment).
	 */
	static List<String> leadingLiterals(String pattern) {
		List<String> literals = new ArrayList<>();
		int start = pattern.startsWith("/") ? 1 : 0;
		while (start < pattern.length()) {
			int end = pattern.indexOf('/', start);
			String segment = pattern.substring(start, (end < 0) ? pattern.length() : end);
			if (segment.isEmpty() || segment.chars().anyMatch((c) -> c == '{' || c == '*' || c == '?' || c == ';')) {
				break;
			}
			literals.add(segment);
			if (end < 0) {
				break;
			}
			start = end + 1;
		}
		return literals;
	}

	/**
	 * Return whether no path can match two patterns: they differ in a literal segment at
	 * the same place (compared ignoring case, should a parser ignore it).
	 */
	static boolean disjoint(List<String> a, List<String> b) {
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			if (!a.get(i).equalsIgnoreCase(b.get(i))) {
				return true;
			}
		}
		return false;
	}

	private static PathContainer pathWithinApplication(HttpServletRequest request) {
		// The DispatcherServlet has parsed it already: one attribute lookup.
		Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		RequestPath path = (parsed instanceof RequestPath requestPath) ? requestPath
				: ServletRequestPathUtils.parseAndCache(request);
		return path.pathWithinApplication();
	}

	private static List<RateLimitPolicy> add(List<RateLimitPolicy> policies, RateLimitPolicy policy) {
		if (policies.isEmpty()) {
			return List.of(policy);
		}
		List<RateLimitPolicy> more = new ArrayList<>(policies);
		more.add(policy);
		return more;
	}

	private static RateLimitPolicy annotated(HandlerMethod handlerMethod) {
		RateLimit annotation = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), RateLimit.class);
		if (annotation == null) {
			annotation = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(), RateLimit.class);
		}
		if (annotation == null) {
			return NOT_ANNOTATED;
		}
		String name = annotation.name().isEmpty()
				? handlerMethod.getBeanType().getSimpleName() + "." + handlerMethod.getMethod().getName()
				: annotation.name();
		return new RateLimitPolicy(name, annotation.limit(), DurationStyle.detectAndParse(annotation.window()));
	}

	/**
	 * A policy applied to the requests whose path matches one of its patterns and whose
	 * method is one of its methods (any, when none is given).
	 *
	 * @param policy the policy
	 * @param patterns the path patterns
	 * @param methods the methods, upper case; empty for any
	 */
	public record Route(RateLimitPolicy policy, List<PathPattern> patterns, Set<String> methods) {

		/**
		 * Create a route from its configuration.
		 * @param policy the policy
		 * @param patterns the path patterns, such as {@code /v1/**}
		 * @param methods the methods; empty for any
		 * @return the route
		 */
		public static Route of(RateLimitPolicy policy, List<String> patterns, List<String> methods) {
			if (patterns.isEmpty()) {
				throw new IllegalArgumentException("Rate limit '" + policy.name() + "' needs at least one path");
			}
			return new Route(policy, patterns.stream().map(PathPatternParser.defaultInstance::parse).toList(),
					methods.stream()
						.map((method) -> method.strip().toUpperCase(Locale.ROOT))
						.collect(Collectors.toSet()));
		}

		boolean appliesTo(String method) {
			return this.methods.isEmpty() || this.methods.contains(method);
		}

		boolean matches(PathContainer path) {
			for (int i = 0; i < this.patterns.size(); i++) {
				if (this.patterns.get(i).matches(path)) {
					return true;
				}
			}
			return false;
		}

	}

}
