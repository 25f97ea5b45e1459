package com.augno.errors.spring.reference;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Serves one published document, rendered once: to {@code GET} and {@code HEAD}, with a
 * strong {@code ETag} (a conditional request gets a 304) and {@code Cache-Control:
 * no-cache}, so that caches revalidate and a deployment that changes the contract is seen
 * at once. It removes the request id header: the document is the same for every request.
 * Other methods get the envelope of {@code method_not_allowed}.
 *
 * @since 0.1.0
 */
public final class ErrorReferenceHandler implements HttpRequestHandler {

	private static final Set<String> METHODS = Set.of("GET", "HEAD");

	private final byte[] body;

	private final String contentType;

	private final String etag;

	private final String requestIdHeader;

	/**
	 * Create a handler.
	 * @param body the document
	 * @param contentType its content type, with its charset
	 * @param requestIdHeader the response header of the request id, removed from the
	 * response
	 */
	public ErrorReferenceHandler(byte[] body, String contentType, String requestIdHeader) {
		this.body = body.clone();
		this.contentType = contentType;
		this.etag = "\"" + sha256(this.body) + "\"";
		this.requestIdHeader = requestIdHeader;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response)
			throws IOException, HttpRequestMethodNotSupportedException {
		if (!METHODS.contains(request.getMethod())) {
			throw new HttpRequestMethodNotSupportedException(request.getMethod(), METHODS);
		}
		response.setHeader(this.requestIdHeader, null);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		response.setHeader("X-Content-Type-Options", "nosniff");
		if (new ServletWebRequest(request, response).checkNotModified(this.etag)) {
			return;
		}
		response.setContentType(this.contentType);
		response.setContentLength(this.body.length);
		if ("GET".equals(request.getMethod())) {
			response.getOutputStream().write(this.body);
		}
	}

	/**
	 * Return the entity tag of the document.
	 * @return the quoted, strong ETag
	 */
	public String getEtag() {
		return this.etag;
	}

	private static String sha256(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "ErrorReferenceHandler[" + this.contentType + ", " + this.etag + "]";
	}

}
