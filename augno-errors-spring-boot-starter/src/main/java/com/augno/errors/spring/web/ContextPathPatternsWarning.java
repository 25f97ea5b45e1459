package com.augno.errors.spring.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Warns once at startup about a path pattern of the starter's that begins with the
 * application's context path ({@code server.servlet.context-path}) or WebFlux base path
 * ({@code spring.webflux.base-path}): the starter matches its patterns against the path
 * within the application, as Spring MVC's mappings and Spring Security's matchers do, so
 * with {@code context-path=/api} the pattern {@code /api/**} stands for
 * {@code /api/api/**} and leaves the application's own paths out.
 *
 * @since 0.1.0
 */
public final class ContextPathPatternsWarning implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(ContextPathPatternsWarning.class);

	private static final List<String> PREFIXES = List.of("server.servlet.context-path", "spring.webflux.base-path");

	private static final String ROUTES = "augno.errors.rate-limits.routes";

	private static final Bindable<List<String>> STRINGS = Bindable.listOf(String.class);

	private final Environment environment;

	/**
	 * Create the warning.
	 * @param environment the environment the settings are read from
	 */
	public ContextPathPatternsWarning(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!logger.isWarnEnabled()) {
			return;
		}
		Binder binder = Binder.get(this.environment);
		for (String prefixProperty : PREFIXES) {
			String prefix = normalized(this.environment.getProperty(prefixProperty));
			if (prefix == null) {
				continue;
			}
			patterns(binder).forEach((property, patterns) -> patterns.stream()
				.map(String::trim)
				.filter((pattern) -> pattern.equals(prefix) || pattern.startsWith(prefix + "/"))
				.forEach((pattern) -> logger.warn(property + " has " + pattern + ", which begins with " + prefixProperty
						+ "=" + prefix + ": patterns are matched against the path within the " + "application, without "
						+ prefix + ", so this one matches only paths under " + prefix + prefix + "; write it without "
						+ prefix + ".")));
		}
	}

	/**
	 * Return the starter's path patterns, keyed by the property that holds them: the
	 * paths it answers and those of each rate-limited route.
	 */
	private static Map<String, List<String>> patterns(Binder binder) {
		Map<String, List<String>> patterns = new LinkedHashMap<>();
		patterns.put("augno.errors.paths", binder.bind("augno.errors.paths", STRINGS).orElse(List.of()));
		for (int i = 0;; i++) {
			String property = ROUTES + "[" + i + "].paths";
			BindResult<List<String>> paths = binder.bind(property, STRINGS);
			if (!paths.isBound()) {
				return patterns;
			}
			patterns.put(property, paths.get());
		}
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
