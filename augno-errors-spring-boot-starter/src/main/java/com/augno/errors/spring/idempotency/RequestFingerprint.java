package com.augno.errors.spring.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap;
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

	// Cloned per thread: MessageDigest.getInstance looks the algorithm up among the
	// providers on every call, a clone only copies the initial state.
	private static final MessageDigest SHA_256 = newSha256();

	// A digest and a scratch array per thread, reused by each request it serves, rather
	// than a clone of the digest and an array per value on every request. Only JDK types
	// go into the threads' maps, so that a container's threads do not hold on to the
	// class loader of an undeployed web application.
	private static final ThreadLocal<Map.Entry<MessageDigest, byte[]>> RESOURCES = new ThreadLocal<>();

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
		return contentType != null && (startsWithIgnoringCase(contentType, MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				|| startsWithIgnoringCase(contentType, MediaType.MULTIPART_FORM_DATA_VALUE));
	}

	private static boolean startsWithIgnoringCase(String value, String prefix) {
		return value.regionMatches(true, 0, prefix, 0, prefix.length());
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
		Hasher hasher = Hasher.acquire();
		try {
			hasher.update(request.getMethod());
			hasher.update(request.getRequestURI());
			hasher.update((request.getQueryString() != null) ? request.getQueryString() : "");
			for (String name : headers) {
				hasher.update(name.toLowerCase(Locale.ROOT));
				Enumeration<String> values = request.getHeaders(name);
				while (values.hasMoreElements()) {
					hasher.update(values.nextElement());
				}
			}
			if (body != null) {
				hasher.update("body");
				hasher.digest.update(body);
			}
			else {
				hasher.update("form");
				updateWithForm(hasher, request);
			}
			return hasher.finish();
		}
		finally {
			hasher.release();
		}
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
		Hasher hasher = Hasher.acquire();
		try {
			hasher.update(caller);
			hasher.update(request.getMethod());
			hasher.update(request.getRequestURI());
			hasher.update(key);
			return hasher.finish();
		}
		finally {
			hasher.release();
		}
	}

	private static void updateWithForm(Hasher hasher, HttpServletRequest request) throws IOException, ServletException {
		// Parameter order carries no meaning in a form.
		Map<String, String[]> parameters = new TreeMap<>(request.getParameterMap());
		parameters.forEach((name, values) -> {
			hasher.update(name);
			for (String value : values) {
				hasher.update(value);
			}
		});
		String contentType = request.getContentType();
		if (contentType == null || !startsWithIgnoringCase(contentType, MediaType.MULTIPART_FORM_DATA_VALUE)) {
			return;
		}
		for (Part part : request.getParts()) {
			hasher.update(part.getName());
			hasher.update((part.getSubmittedFileName() != null) ? part.getSubmittedFileName() : "");
			hasher.update((part.getContentType() != null) ? part.getContentType() : "");
			hasher.update(Long.toString(part.getSize()));
			try (InputStream in = part.getInputStream()) {
				byte[] buffer = new byte[8192];
				for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
					hasher.digest.update(buffer, 0, read);
				}
			}
		}
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

	/**
	 * A SHA-256 digest of length-prefixed values, so that no two sequences of values
	 * digest the same bytes: each value's UTF-8 length as a 4-byte big-endian int, then
	 * its bytes. An ASCII value (the usual method, path, key and header) is encoded into
	 * the scratch array with its length, one update and no allocation.
	 */
	private static final class Hasher {

		private static final int SCRATCH = 256;

		private final Map.Entry<MessageDigest, byte[]> resources;

		private final MessageDigest digest;

		private final byte[] scratch;

		private boolean finished;

		private Hasher(Map.Entry<MessageDigest, byte[]> resources) {
			this.resources = resources;
			this.digest = resources.getKey();
			this.scratch = resources.getValue();
		}

		/**
		 * Return a hasher on the thread's digest, taken until released (a use further up
		 * the stack leaves a new one to the use below it).
		 */
		static Hasher acquire() {
			Map.Entry<MessageDigest, byte[]> resources = RESOURCES.get();
			if (resources == null) {
				resources = new AbstractMap.SimpleImmutableEntry<>(sha256(), new byte[SCRATCH]);
			}
			else {
				RESOURCES.set(null);
			}
			return new Hasher(resources);
		}

		void release() {
			// A digest left unfinished by a failure starts over; a finished one has.
			if (!this.finished) {
				this.digest.reset();
			}
			RESOURCES.set(this.resources);
		}

		void update(String value) {
			int length = value.length();
			if (length <= SCRATCH - Integer.BYTES && putAscii(value, length)) {
				prefix(length);
				this.digest.update(this.scratch, 0, Integer.BYTES + length);
				return;
			}
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			prefix(bytes.length);
			this.digest.update(this.scratch, 0, Integer.BYTES);
			this.digest.update(bytes);
		}

		private boolean putAscii(String value, int length) {
			for (int i = 0; i < length; i++) {
				char c = value.charAt(i);
				if (c >= 0x80) {
					return false;
				}
				this.scratch[Integer.BYTES + i] = (byte) c;
			}
			return true;
		}

		private void prefix(int length) {
			this.scratch[0] = (byte) (length >>> 24);
			this.scratch[1] = (byte) (length >>> 16);
			this.scratch[2] = (byte) (length >>> 8);
			this.scratch[3] = (byte) length;
		}

		String finish() {
			byte[] hash = this.digest.digest();
			this.finished = true;
			return BASE64URL.encodeToString(hash);
		}

	}

}
