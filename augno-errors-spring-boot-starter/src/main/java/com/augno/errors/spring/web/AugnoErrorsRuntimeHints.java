package com.augno.errors.spring.web;

import com.augno.errors.ErrorEnvelope;
import com.augno.errors.spring.servlet.ErrorResponseWriter;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The reflection a native image needs for what Spring's AOT processing cannot see: the
 * {@link ErrorResponseWriter} serializes the core's {@link ErrorEnvelope},
 * {@code AugnoError} and {@code Quota} records with its own Jackson mapper, outside any
 * controller signature. Registered in {@code META-INF/spring/aot.factories}; the
 * configuration properties and beans get their hints from Spring Boot itself.
 *
 * @since 0.1.0
 */
public final class AugnoErrorsRuntimeHints implements RuntimeHintsRegistrar {

	private static final String[] DOCUMENTATION_RESOURCES = { "com/augno/errors/contract-documentation.properties",
			"com/augno/errors/framework-documentation.properties",
			"com/augno/errors/spring/reference/sections.properties", "com/augno/errors/spring/reference/reference.css",
			"com/augno/errors/spring/reference/reference.js" };

	private final BindingReflectionHintsRegistrar bindingHints = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.bindingHints.registerReflectionHints(hints.reflection(), ErrorEnvelope.class);
		// Read from the class path: the codes' documentation and the error reference
		// page.
		for (String resource : DOCUMENTATION_RESOURCES) {
			hints.resources().registerPattern(resource);
		}
	}

}
