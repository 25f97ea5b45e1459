package com.augno.errors.spring.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * The query parameter rules of a handler method, shared by both web stacks: parameters
 * declared {@link ExclusiveParameters exclusive} must not come together, and, when
 * enabled, a parameter the handler does not declare is rejected with
 * {@code parameter_unknown}. What a handler declares is worked out once per handler
 * method; each stack calls {@link #check} with its request's raw query before the handler
 * runs.
 *
 * @since 0.1.0
 */
public final class ParameterRules {

	private final boolean rejectUnknownParameters;

	private final ConcurrentMap<Method, Rules> rules = new ConcurrentHashMap<>();

	/**
	 * Create the rules.
	 * @param rejectUnknownParameters whether undeclared query parameters are rejected
	 */
	public ParameterRules(boolean rejectUnknownParameters) {
		this.rejectUnknownParameters = rejectUnknownParameters;
	}

	/**
	 * Check the query of a request against its handler.
	 * @param handlerMethod the handler
	 * @param rawQuery the request's query string, still encoded, or {@code null}
	 * @throws AugnoException {@code parameters_exclusive} or {@code parameter_unknown}
	 */
	public void check(HandlerMethod handlerMethod, @Nullable String rawQuery) {
		// A plain get first: computeIfAbsent's capturing lambda allocates on every
		// request.
		Rules rules = this.rules.get(handlerMethod.getMethod());
		if (rules == null) {
			rules = this.rules.computeIfAbsent(handlerMethod.getMethod(),
					(method) -> Rules.of(handlerMethod, this.rejectUnknownParameters));
		}
		if (rules.isEmpty()) {
			return;
		}
		List<String> names = QueryParameters.names(rawQuery);
		for (String[] group : rules.exclusive()) {
			checkExclusive(group, names);
		}
		if (rules.declared() != null) {
			for (String name : names) {
				if (!rules.declared().accepts(name)) {
					throw AugnoException.of(ErrorCodes.PARAMETER_UNKNOWN)
						.message("Unknown parameter: " + QueryParameters.shorten(name) + ".")
						.messageKey("augno.errors.parameter_unknown.message.name", QueryParameters.shorten(name))
						.param(QueryParameters.shorten(name));
				}
			}
		}
	}

	private static void checkExclusive(String[] group, List<String> names) {
		List<String> present = new ArrayList<>();
		for (String name : group) {
			if (names.contains(name)) {
				present.add(name);
			}
		}
		if (present.size() > 1) {
			throw AugnoException.of(ErrorCodes.PARAMETERS_EXCLUSIVE)
				.message("The " + join(present) + " parameters cannot be used together.")
				.messageKey("augno.errors.parameters_exclusive.message.names", join(present))
				.param(present.get(1));
		}
	}

	private static String join(List<String> names) {
		if (names.size() == 2) {
			return names.get(0) + " and " + names.get(1);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}

	private record Rules(List<String[]> exclusive, @Nullable DeclaredParameters declared) {

		static Rules of(HandlerMethod handlerMethod, boolean rejectUnknown) {
			Set<ExclusiveParameters> annotations = new LinkedHashSet<>();
			annotations.addAll(AnnotatedElementUtils.findMergedRepeatableAnnotations(handlerMethod.getBeanType(),
					ExclusiveParameters.class));
			annotations.addAll(AnnotatedElementUtils.findMergedRepeatableAnnotations(handlerMethod.getMethod(),
					ExclusiveParameters.class));
			List<String[]> exclusive = annotations.stream().map(ExclusiveParameters::value).toList();
			return new Rules(exclusive, rejectUnknown ? DeclaredParameters.of(handlerMethod) : null);
		}

		boolean isEmpty() {
			return this.exclusive.isEmpty() && this.declared == null;
		}

	}

}
