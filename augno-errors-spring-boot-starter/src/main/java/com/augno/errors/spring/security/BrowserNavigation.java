package com.augno.errors.spring.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Tells a browser navigating to a page from an API client: the request accepts
 * {@code text/html} (or XHTML) and no JSON type at an equal or higher quality, and is not
 * an {@code XMLHttpRequest}. A client that accepts anything ({@code *}{@code /*}, curl's
 * default) or sends no {@code Accept} is an API client.
 *
 * @since 0.1.0
 */
final class BrowserNavigation {

	private static final String X_REQUESTED_WITH = "X-Requested-With";

	private BrowserNavigation() {
	}

	static boolean isBrowserNavigation(HttpServletRequest request) {
		if ("XMLHttpRequest".equalsIgnoreCase(request.getHeader(X_REQUESTED_WITH))) {
			return false;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		double html = 0;
		double json = 0;
		for (MediaType type : types) {
			if (isHtml(type)) {
				html = Math.max(html, type.getQualityValue());
			}
			else if (isJson(type)) {
				json = Math.max(json, type.getQualityValue());
			}
		}
		return html > 0 && html > json;
	}

	private static boolean isHtml(MediaType type) {
		return MediaType.TEXT_HTML.equalsTypeAndSubtype(type)
				|| MediaType.APPLICATION_XHTML_XML.equalsTypeAndSubtype(type);
	}

	private static boolean isJson(MediaType type) {
		String subtype = type.getSubtype();
		return "application".equals(type.getType()) && ("json".equals(subtype) || subtype.endsWith("+json"));
	}

}
