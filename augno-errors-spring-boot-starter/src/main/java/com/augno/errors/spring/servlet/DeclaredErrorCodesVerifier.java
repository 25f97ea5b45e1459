package com.augno.errors.spring.servlet;

import java.util.ArrayList;
import java.util.List;

import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.web.DeclaredErrorCodes;
import com.augno.errors.spring.web.PossibleErrors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Fails startup when a handler declares with {@link PossibleErrors} a code the
 * {@link ErrorRegistry} does not know, naming the code, the handler and the closest
 * registered codes: a declaration that names a code the service never answers with would
 * make the published contract lie.
 *
 * @since 0.1.0
 */
public final class DeclaredErrorCodesVerifier implements SmartInitializingSingleton {

	private final ErrorRegistry registry;

	private final ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings;

	/**
	 * Create a verifier.
	 * @param registry the registry the codes must be in
	 * @param handlerMappings the application's handler mappings
	 */
	public DeclaredErrorCodesVerifier(ErrorRegistry registry,
			ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings) {
		this.registry = registry;
		this.handlerMappings = handlerMappings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		verify();
	}

	/**
	 * Check every handler's declared codes.
	 * @throws IllegalStateException if a declared code is unknown
	 */
	public void verify() {
		List<String> unknown = new ArrayList<>();
		this.handlerMappings.orderedStream()
			.flatMap((mapping) -> mapping.getHandlerMethods().values().stream())
			.distinct()
			.forEach((handler) -> check(handler, unknown));
		if (!unknown.isEmpty()) {
			throw new IllegalStateException("Unknown error code" + ((unknown.size() > 1) ? "s" : "") + " in @"
					+ PossibleErrors.class.getSimpleName() + ":" + System.lineSeparator()
					+ String.join(System.lineSeparator(), unknown) + System.lineSeparator()
					+ "Fix the code, or define it with augno.errors.codes.<code>.status and .message.");
		}
	}

	private void check(HandlerMethod handler, List<String> unknown) {
		for (String code : DeclaredErrorCodes.of(handler)) {
			if (this.registry.find(code) == null) {
				List<String> suggestions = this.registry.suggestionsFor(code);
				unknown.add("  '" + code + "' on " + ClassUtils.getQualifiedMethodName(handler.getMethod()) + "()"
						+ (suggestions.isEmpty() ? "" : " (did you mean "
								+ String.join(", ", suggestions.stream().map((s) -> "'" + s + "'").toList()) + "?)"));
			}
		}
	}

}
