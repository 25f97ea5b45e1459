package com.augno.errors.spring.web;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.security.Principal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.MatrixVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The query parameter names a handler method declares: its {@code @RequestParam}s (or
 * simple parameters without annotation, which Spring binds the same way) and the bindable
 * properties of its {@code @ModelAttribute} objects. A handler that takes a
 * {@code @RequestParam Map} accepts any name.
 *
 * @since 0.1.0
 */
final class DeclaredParameters {

	private final Set<String> names;

	private final Set<String> prefixes;

	private final boolean acceptsAny;

	private DeclaredParameters(Set<String> names, Set<String> prefixes, boolean acceptsAny) {
		this.names = Set.copyOf(names);
		this.prefixes = Set.copyOf(prefixes);
		this.acceptsAny = acceptsAny;
	}

	static DeclaredParameters of(HandlerMethod handlerMethod) {
		Set<String> names = new HashSet<>();
		Set<String> prefixes = new HashSet<>();
		boolean acceptsAny = false;
		for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
			Class<?> type = parameter.getParameterType();
			if (type.getName().equals("org.springframework.data.domain.Pageable")) {
				names.addAll(Set.of("page", "size", "sort"));
			}
			else if (type.getName().equals("org.springframework.data.domain.Sort")) {
				names.add("sort");
			}
			RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
			if (requestParam != null) {
				if (Map.class.isAssignableFrom(type) && !StringUtils.hasText(requestParam.name())) {
					acceptsAny = true;
				}
				names.add(StringUtils.hasText(requestParam.name()) ? requestParam.name() : name(parameter));
			}
			else if (isIgnored(parameter)) {
				continue;
			}
			else if (BeanUtils.isSimpleProperty(type)) {
				names.add(name(parameter));
			}
			else if (parameter.hasParameterAnnotation(ModelAttribute.class) || !isFrameworkType(type)) {
				addBindableProperties(type, names, prefixes);
			}
		}
		return new DeclaredParameters(names, prefixes, acceptsAny);
	}

	boolean accepts(String name) {
		if (this.acceptsAny || this.names.contains(name)) {
			return true;
		}
		for (String prefix : this.prefixes) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static void addBindableProperties(Class<?> type, Set<String> names, Set<String> prefixes) {
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				BindParam bindParam = component.getAnnotation(BindParam.class);
				String name = (bindParam != null) ? bindParam.value() : component.getName();
				names.add(name);
				prefixes.add(name + ".");
				prefixes.add(name + "[");
			}
			return;
		}
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getWriteMethod() != null) {
				names.add(descriptor.getName());
				prefixes.add(descriptor.getName() + ".");
				prefixes.add(descriptor.getName() + "[");
			}
		}
	}

	private static boolean isIgnored(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(RequestBody.class)
				|| parameter.hasParameterAnnotation(PathVariable.class)
				|| parameter.hasParameterAnnotation(RequestHeader.class)
				|| parameter.hasParameterAnnotation(CookieValue.class)
				|| parameter.hasParameterAnnotation(RequestAttribute.class)
				|| parameter.hasParameterAnnotation(SessionAttribute.class)
				|| parameter.hasParameterAnnotation(MatrixVariable.class)
				|| parameter.hasParameterAnnotation(RequestPart.class) || isFrameworkType(parameter.getParameterType());
	}

	private static boolean isFrameworkType(Class<?> type) {
		// Servlet types by name, so that a WebFlux application needs no Servlet API;
		// WebFlux's own types (ServerWebExchange and friends) are Spring's.
		return type.getName().startsWith("jakarta.servlet.") || Principal.class.isAssignableFrom(type)
				|| Locale.class == type || TimeZone.class == type || Errors.class.isAssignableFrom(type)
				|| UriComponentsBuilder.class.isAssignableFrom(type) || java.io.InputStream.class.isAssignableFrom(type)
				|| java.io.Reader.class.isAssignableFrom(type) || java.io.OutputStream.class.isAssignableFrom(type)
				|| java.io.Writer.class.isAssignableFrom(type) || type.getName().startsWith("org.springframework.");
	}

	private static String name(MethodParameter parameter) {
		@Nullable String name = parameter.getParameterName();
		return (name != null) ? name : "arg" + parameter.getParameterIndex();
	}

}
