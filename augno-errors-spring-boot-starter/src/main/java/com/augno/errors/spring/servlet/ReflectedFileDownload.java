package com.augno.errors.spring.servlet;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaTypeFactory;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriUtils;

/**
 * Spring MVC's protection against a reflected file download, for the envelope the starter
 * writes itself: to a request whose last path segment (or its path parameters) ends in an
 * extension a browser might save and run, such as {@code /x.bat}, the answer carries
 * {@value #DISPOSITION}, as Spring MVC's message converters add to every body they write.
 */
final class ReflectedFileDownload {

	/**
	 * The {@code Content-Disposition} that makes a browser show the body, named as text.
	 */
	static final String DISPOSITION = "inline;filename=f.txt";

	// Spring MVC's own list of extensions that need no protection.
	private static final Set<String> SAFE_EXTENSIONS = Set.of("txt", "text", "yml", "properties", "csv", "json", "xml",
			"atom", "rss", "png", "jpe", "jpeg", "jpg", "gif", "wbmp", "bmp");

	private static final Set<String> SAFE_MEDIA_BASE_TYPES = Set.of("audio", "image", "video");

	private ReflectedFileDownload() {
	}

	/**
	 * Return whether an answer to a request path needs the protection.
	 * @param requestUri the path the client asked for, without its query, as sent
	 * @return whether its last segment ends in an unsafe extension
	 */
	static boolean needsProtection(@Nullable String requestUri) {
		if (requestUri == null) {
			return false;
		}
		String segment = requestUri.substring(requestUri.lastIndexOf('/') + 1);
		if (segment.indexOf('.') < 0 && segment.indexOf('%') < 0) {
			return false;
		}
		String parameters = "";
		int semicolon = segment.indexOf(';');
		if (semicolon >= 0) {
			parameters = segment.substring(semicolon);
			segment = segment.substring(0, semicolon);
		}
		return !isSafe(StringUtils.getFilenameExtension(decode(segment)))
				|| !isSafe(StringUtils.getFilenameExtension(decode(parameters)));
	}

	private static boolean isSafe(@Nullable String extension) {
		return !StringUtils.hasText(extension) || SAFE_EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT))
				|| isSafeMediaType(extension);
	}

	/**
	 * Return whether an extension names an image, audio or video file, or an XML type, as
	 * Spring MVC also counts safe ({@code favicon.ico}, {@code logo.svg}).
	 */
	private static boolean isSafeMediaType(String extension) {
		return MediaTypeFactory.getMediaType("f." + extension)
			.filter((type) -> SAFE_MEDIA_BASE_TYPES.contains(type.getType()) || type.getSubtype().endsWith("+xml"))
			.isPresent();
	}

	private static String decode(String text) {
		try {
			return UriUtils.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}
