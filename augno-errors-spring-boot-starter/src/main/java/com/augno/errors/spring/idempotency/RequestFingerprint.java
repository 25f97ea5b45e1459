package com.augno.errors.spring.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/**
 * The fingerprint of a request: a SHA-256 of its method, path, query, the configured
 * headers and its body, so that a retry with other parameters under the same key is told
 * apart from a true retry. A form's body is fingerprinted through its parameters (and a
 * multipart body through its parts), which the container has parsed, rather than through
 * the stream.
 */
final class RequestFingerprint {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	// Cloned per request: MessageDigest.getInstance looks the algorithm up among the
	// providers on every call, a clone only copies the initial state.
	private static final MessageDigest SHA_256 = newSha256();

	private RequestFingerprint() {
	}

	/**
	 * Return whether the request's body is read by the container as parameters or parts
	 * (a form), rather than by the handler as a stream.
	 * @param request the request
	 * @return whether it is a form
	 */
	static boolean isForm(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType == null) {
			return false;
		}
		String lower = contentType.toLowerCase(Locale.ROOT);
		return lower.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				|| lower.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	/**
	 * Return the fingerprint of a request.
	 * @param request the request
	 * @param headers the headers that are part of it
	 * @param body the body as read, or {@code null} for a form
	 * @return the fingerprint, Base64URL without padding
	 * @throws IOException if a part of a multipart body cannot be read
	 * @throws ServletException if a multipart body cannot be parsed
	 */
	static String of(HttpServletRequest request, List<String> headers, byte @Nullable [] body)
			throws IOException, ServletException {
		MessageDigest digest = sha256();
		update(digest, request.getMethod());
		update(digest, request.getRequestURI());
		update(digest, (request.getQueryString() != null) ? request.getQueryString() : "");
		for (String name : headers) {
			update(digest, name.toLowerCase(Locale.ROOT));
			Enumeration<String> values = request.getHeaders(name);
			while (values.hasMoreElements()) {
				update(digest, values.nextElement());
			}
		}
		if (body != null) {
			update(digest, "body");
			digest.update(body);
		}
		else {
			update(digest, "form");
			updateWithForm(digest, request);
		}
		return BASE64URL.encodeToString(digest.digest());
	}

	/**
	 * Return the key under which a request's idempotency key is stored: a SHA-256 of the
	 * caller, the endpoint (method and path) and the key, so that the caller (which may
	 * be an API key) is never stored as such.
	 * @param caller the caller
	 * @param request the request
	 * @param key the idempotency key
	 * @return the scoped key, Base64URL without padding
	 */
	static String scopedKey(String caller, HttpServletRequest request, String key) {
		MessageDigest digest = sha256();
		update(digest, caller);
		update(digest, request.getMethod());
		update(digest, request.getRequestURI());
		update(digest, key);
		return BASE64URL.encodeToString(digest.digest());
	}

	private static void updateWithForm(MessageDigest digest, HttpServletRequest request)
			throws IOException, ServletException {
		// Parameter order carries no meaning in a form.
		Map<String, String[]> parameters = new TreeMap<>(request.getParameterMap());
		parameters.forEach((name, values) -> {
			update(digest, name);
			for (String value : values) {
				update(digest, value);
			}
		});
		String contentType = request.getContentType();
		if (contentType == null
				|| !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			return;
		}
		for (Part part : request.getParts()) {
			update(digest, part.getName());
			update(digest, (part.getSubmittedFileName() != null) ? part.getSubmittedFileName() : "");
			update(digest, (part.getContentType() != null) ? part.getContentType() : "");
			update(digest, Long.toString(part.getSize()));
			try (InputStream in = part.getInputStream()) {
				byte[] buffer = new byte[8192];
				for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
					digest.update(buffer, 0, read);
				}
			}
		}
	}

	// Length-prefixed, so that no two sequences of values digest the same bytes.
	// The length goes first, big-endian, in the same array as the value: one update.
	private static void update(MessageDigest digest, String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		byte[] prefixed = new byte[Integer.BYTES + bytes.length];
		int length = bytes.length;
		prefixed[0] = (byte) (length >>> 24);
		prefixed[1] = (byte) (length >>> 16);
		prefixed[2] = (byte) (length >>> 8);
		prefixed[3] = (byte) length;
		System.arraycopy(bytes, 0, prefixed, Integer.BYTES, length);
		digest.update(prefixed);
	}

	private static MessageDigest sha256() {
		try {
			return (MessageDigest) SHA_256.clone();
		}
		catch (CloneNotSupportedException ex) {
			return newSha256();
		}
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
