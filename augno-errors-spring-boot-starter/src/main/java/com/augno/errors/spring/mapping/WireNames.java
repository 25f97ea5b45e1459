package com.augno.errors.spring.mapping;

import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;

/**
 * The name under which a client sends a handler method parameter: the name given on
 * {@code @RequestParam}, {@code @PathVariable}, {@code @RequestHeader},
 * {@code @CookieValue} or {@code @RequestPart}, else the Java parameter name.
 *
 * @since 0.1.0
 */
final class WireNames {

	private WireNames() {
	}

	static String of(MethodParameter parameter) {
		RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
		if (requestParam != null && StringUtils.hasText(requestParam.name())) {
			return requestParam.name();
		}
		PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
		if (pathVariable != null && StringUtils.hasText(pathVariable.name())) {
			return pathVariable.name();
		}
		RequestHeader requestHeader = parameter.getParameterAnnotation(RequestHeader.class);
		if (requestHeader != null && StringUtils.hasText(requestHeader.name())) {
			return requestHeader.name();
		}
		CookieValue cookieValue = parameter.getParameterAnnotation(CookieValue.class);
		if (cookieValue != null && StringUtils.hasText(cookieValue.name())) {
			return cookieValue.name();
		}
		RequestPart requestPart = parameter.getParameterAnnotation(RequestPart.class);
		if (requestPart != null && StringUtils.hasText(requestPart.name())) {
			return requestPart.name();
		}
		String name = parameter.getParameterName();
		return (name != null) ? name : "arg" + parameter.getParameterIndex();
	}

}
