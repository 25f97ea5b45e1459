package com.augno.errors.spring.mapping;

import java.lang.annotation.Annotation;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;

/**
 * The name under which a client sends a handler method parameter: the name given on
 * {@code @RequestParam}, {@code @PathVariable}, {@code @RequestHeader},
 * {@code @CookieValue} or {@code @RequestPart}, else the Java parameter name. Both
 * {@code name} and its alias {@code value} are read, so the annotations need not be
 * synthesized.
 *
 * @since 0.1.0
 */
final class WireNames {

	private WireNames() {
	}

	static String of(MethodParameter parameter) {
		return of(parameter, null);
	}

	/**
	 * Return the wire name of a parameter.
	 * @param parameter the parameter
	 * @param fallback the Java name to use when neither an annotation nor the parameter
	 * name discoverer knows one, such as the name Bean Validation reports
	 * @return the name
	 */
	static String of(MethodParameter parameter, @Nullable String fallback) {
		String name = annotated(parameter, RequestParam.class, RequestParam::name, RequestParam::value);
		if (name == null) {
			name = annotated(parameter, PathVariable.class, PathVariable::name, PathVariable::value);
		}
		if (name == null) {
			name = annotated(parameter, RequestHeader.class, RequestHeader::name, RequestHeader::value);
		}
		if (name == null) {
			name = annotated(parameter, CookieValue.class, CookieValue::name, CookieValue::value);
		}
		if (name == null) {
			name = annotated(parameter, RequestPart.class, RequestPart::name, RequestPart::value);
		}
		if (name != null) {
			return name;
		}
		String javaName = parameter.getParameterName();
		if (javaName != null) {
			return javaName;
		}
		return (fallback != null) ? fallback : "arg" + parameter.getParameterIndex();
	}

	/**
	 * Return the words a message about a parameter starts with: "The X-Tenant header" for
	 * a header, "The session cookie" for a cookie, else the {@link Labels label} of its
	 * name.
	 * @param parameter the parameter
	 * @param name its wire name
	 * @return the label
	 */
	static String label(MethodParameter parameter, String name) {
		if (parameter.hasParameterAnnotation(RequestHeader.class)) {
			return "The " + name + " header";
		}
		if (parameter.hasParameterAnnotation(CookieValue.class)) {
			return "The " + name + " cookie";
		}
		return Labels.of(name);
	}

	/**
	 * Return where a client sends a parameter: a path variable, a header, a cookie, a
	 * part or body, else the query (or a form field, which Spring binds alike).
	 * @param parameter the parameter
	 * @return the location
	 */
	static Violation.Location location(MethodParameter parameter) {
		if (parameter.hasParameterAnnotation(PathVariable.class)) {
			return Violation.Location.PATH;
		}
		if (parameter.hasParameterAnnotation(RequestHeader.class)) {
			return Violation.Location.HEADER;
		}
		if (parameter.hasParameterAnnotation(CookieValue.class)) {
			return Violation.Location.COOKIE;
		}
		if (parameter.hasParameterAnnotation(RequestPart.class)
				|| parameter.hasParameterAnnotation(RequestBody.class)) {
			return Violation.Location.BODY;
		}
		return Violation.Location.QUERY;
	}

	private static <A extends Annotation> @Nullable String annotated(MethodParameter parameter, Class<A> type,
			Function<A, String> name, Function<A, String> value) {
		A annotation = parameter.getParameterAnnotation(type);
		if (annotation == null) {
			return null;
		}
		if (StringUtils.hasText(name.apply(annotation))) {
			return name.apply(annotation);
		}
		return StringUtils.hasText(value.apply(annotation)) ? value.apply(annotation) : null;
	}

}
