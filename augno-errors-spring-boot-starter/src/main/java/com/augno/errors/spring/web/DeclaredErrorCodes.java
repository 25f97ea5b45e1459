package com.augno.errors.spring.web;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.web.method.HandlerMethod;

/**
 * Reads the codes a handler declares with {@link PossibleErrors}: on its controller class
 * and its method, directly or through meta-annotations, in declaration order.
 *
 * @since 0.1.0
 */
public final class DeclaredErrorCodes {

	private DeclaredErrorCodes() {
	}

	/**
	 * Return the codes a handler declares.
	 * @param handler the handler method
	 * @return the codes, class-level ones first, without repeats
	 */
	public static Set<String> of(HandlerMethod handler) {
		Set<String> codes = new LinkedHashSet<>();
		collect(handler.getBeanType(), codes);
		collect(handler.getMethod(), codes);
		return codes;
	}

	private static void collect(AnnotatedElement element, Set<String> codes) {
		MergedAnnotations.from(element, SearchStrategy.TYPE_HIERARCHY)
			.stream(PossibleErrors.class)
			.map(MergedAnnotation::synthesize)
			.forEach((declared) -> codes.addAll(Arrays.asList(declared.value())));
	}

}
