package com.augno.errors.spring.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import com.augno.errors.spring.properties.AugnoErrorsProperties;
import com.augno.errors.spring.properties.AugnoErrorsRateLimitProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Warns once at startup about a path pattern of the starter's that begins with the
 * application's context path ({@code server.servlet.context-path}) or WebFlux base path
 * ({@code spring.webflux.base-path}): the starter matches its patterns against the path
 * within the application, as Spring MVC's mappings and Spring Security's matchers do, so
 * with {@code context-path=/api} the pattern {@code /api/**} stands for
 * {@code /api/api/**} and leaves the application's own paths out.
 * <p>
 * It also warns about a pattern that does not begin with the {@code DispatcherServlet}'s
 * path ({@code spring.mvc.servlet.path}), which that path within the application
 * includes.
 *
 * @since 0.1.0
 */
public final class ContextPathPatternsWarning implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(ContextPathPatternsWarning.class);

	private static final List<String> PREFIXES = List.of("server.servlet.context-path", "spring.webflux.base-path");

	private static final String ROUTES = "augno.errors.rate-limits.routes";

	private static final String SERVLET_PATH = "spring.mvc.servlet.path";

	private final Environment environment;

	private final List<String> paths;

	private final ObjectProvider<AugnoErrorsRateLimitProperties> rateLimits;

	/**
	 * Create the warning.
	 * @param environment the environment the context path is read from
	 * @param properties the starter's properties, whose paths are checked
	 * @param rateLimits the rate limits' properties, whose routes are checked when rate
	 * limits are on
	 */
	public ContextPathPatternsWarning(Environment environment, AugnoErrorsProperties properties,
			ObjectProvider<AugnoErrorsRateLimitProperties> rateLimits) {
		this.environment = environment;
		this.paths = properties.getPaths();
		this.rateLimits = rateLimits;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!logger.isWarnEnabled()) {
			return;
		}
		Map<String, List<String>> patterns = patterns();
		warnAboutServletPath(patterns);
		for (String prefixProperty : PREFIXES) {
			String prefix = normalized(this.environment.getProperty(prefixProperty));
			if (prefix != null) {
				warnAbout(patterns, (pattern) -> beginsWith(pattern, prefix),
						(pattern) -> "begins with " + prefixProperty + "=" + prefix
								+ ": patterns are matched against the path within the application, without " + prefix
								+ ", so this one matches only paths under " + prefix + prefix + "; write it without "
								+ prefix + ".");
			}
		}
	}

	/**
	 * Warn about a pattern outside the {@code DispatcherServlet}'s own path: the path
	 * within the application includes it, as Spring Security's matchers see it, while
	 * Spring MVC's mappings do not, so {@code /orders/**} written as the controllers'
	 * mappings are matches none of Spring MVC's requests under
	 * {@code spring.mvc.servlet.path=/api}.
	 */
	private void warnAboutServletPath(Map<String, List<String>> patterns) {
		String servletPath = normalized(this.environment.getProperty(SERVLET_PATH));
		if (servletPath != null) {
			warnAbout(patterns, (pattern) -> !pattern
				.equals("/**") && !beginsWith(pattern, servletPath), (pattern) -> "does not begin with " + SERVLET_PATH
						+ "=" + servletPath
						+ ": patterns are matched against the path within the application, which includes the "
						+ "DispatcherServlet's path, so this one matches none of Spring MVC's requests; write it as "
						+ servletPath + pattern + " if it is meant for them.");
		}
	}

	/**
	 * Log one WARN for each pattern, trimmed, that is misplaced, naming its property and
	 * why.
	 */
	private static void warnAbout(Map<String, List<String>> patterns, Predicate<String> misplaced,
			Function<String, String> why) {
		patterns.forEach((property, values) -> values.stream()
			.map(String::trim)
			.filter(misplaced)
			.forEach((pattern) -> logger.warn(property + " has " + pattern + ", which " + why.apply(pattern))));
	}

	private static boolean beginsWith(String pattern, String prefix) {
		return pattern.equals(prefix) || pattern.startsWith(prefix + "/");
	}

	/**
	 * Return the starter's path patterns, keyed by the property that holds them: the
	 * paths it answers and those of each rate-limited route.
	 */
	private Map<String, List<String>> patterns() {
		Map<String, List<String>> patterns = new LinkedHashMap<>();
		patterns.put("augno.errors.paths", this.paths);
		AugnoErrorsRateLimitProperties rateLimits = this.rateLimits.getIfAvailable();
		if (rateLimits != null) {
			List<AugnoErrorsRateLimitProperties.Route> routes = rateLimits.getRoutes();
			for (int i = 0; i < routes.size(); i++) {
				patterns.put(ROUTES + "[" + i + "].paths", routes.get(i).getPaths());
			}
		}
		return patterns;
	}

	private static @Nullable String normalized(@Nullable String prefix) {
		if (!StringUtils.hasText(prefix)) {
			return null;
		}
		String trimmed = prefix.trim();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed.isEmpty() ? null : (trimmed.startsWith("/") ? trimmed : "/" + trimmed);
	}

}
