package com.augno.errors.spring.test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * A browser's upload form as {@code multipart/form-data}: a file part of a given size,
 * after the CSRF token as a form field when there is one, as a server-rendered form sends
 * it.
 */
public final class MultipartUploads {

	private static final String BOUNDARY = "AugnoBoundary";

	private MultipartUploads() {
	}

	/**
	 * Return a POST of an upload form.
	 * @param request the request to make it of
	 * @param csrfToken the {@code _csrf} field's value, or {@code null} for none
	 * @param fileSize the size of the file part named {@code file}, in bytes
	 * @return the request
	 */
	public static HttpRequest.Builder post(HttpRequest.Builder request, @Nullable String csrfToken, int fileSize) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (csrfToken != null) {
			body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken
					+ "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.bin\""
				+ "\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(new byte[fileSize]);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return request.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
	}

}
