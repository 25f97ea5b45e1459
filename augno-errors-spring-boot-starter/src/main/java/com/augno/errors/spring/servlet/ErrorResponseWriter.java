package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.augno.errors.AugnoError;
import com.augno.errors.spring.format.AugnoErrorFormat;
import com.augno.errors.spring.format.ErrorBody;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Writes what an {@link com.augno.errors.spring.format.ErrorFormat} rendered to a servlet
 * response: its content type whatever the request's {@code Accept} says,
 * {@code Cache-Control: no-store}, an exact {@code Content-Length}, and the protocol
 * headers the error carries.
 *
 * @since 0.1.0
 */
public class ErrorResponseWriter {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private final AugnoErrorFormat envelope = new AugnoErrorFormat();

	/**
	 * Serialize an error to the bytes of its Augno envelope.
	 * @param error the error
	 * @return the UTF-8 JSON
	 */
	public byte[] toBytes(AugnoError error) {
		return this.envelope.toBytes(error);
	}

	/**
	 * Write an error, unless the response is already committed.
	 * @param response the response
	 * @param status the HTTP status
	 * @param error the error
	 * @param headers protocol headers to send with it
	 * @return whether the error was written
	 * @throws IOException if writing fails
	 */
	public boolean write(HttpServletResponse response, int status, AugnoError error, HttpHeaders headers)
			throws IOException {
		return write(response, status, ErrorBody.json(toBytes(error), headers));
	}

	/**
	 * Write a rendered error, unless the response is already committed.
	 * @param response the response
	 * @param status the HTTP status
	 * @param rendered the body, content type and headers a format rendered
	 * @return whether the error was written
	 * @throws IOException if writing fails
	 */
	public boolean write(HttpServletResponse response, int status, ErrorBody rendered) throws IOException {
		if (response.isCommitted()) {
			return false;
		}
		ServletOutputStream out = clear(response);
		// With only the writer left, whatever its charset: ASCII JSON is the same bytes
		// in any of them, so the length stays exact.
		byte[] body = (out != null) ? rendered.body() : asciiJson(rendered);
		response.setStatus(status);
		setHeaders(response, rendered.headers());
		response.setContentType(rendered.contentType().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentLength(body.length);
		if (out != null) {
			out.write(body);
		}
		else {
			response.getWriter().write(new String(body, StandardCharsets.US_ASCII));
		}
		response.flushBuffer();
		return true;
	}

	/**
	 * Return a JSON body with every character outside ASCII written as a backslash-u
	 * escape, as Jackson's {@code ESCAPE_NON_ASCII} writes it; JSON holds such characters
	 * only inside strings, where the escape means the same. A body of another type is
	 * returned as it is.
	 */
	private static byte[] asciiJson(ErrorBody rendered) {
		MediaType type = rendered.contentType();
		boolean json = MediaType.APPLICATION_JSON.isCompatibleWith(type)
				|| (type.getSubtype().endsWith("+json") && "application".equals(type.getType()));
		if (!json) {
			return rendered.body();
		}
		String text = new String(rendered.body(), StandardCharsets.UTF_8);
		StringBuilder ascii = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				if (ascii != null) {
					ascii.append(c);
				}
				continue;
			}
			if (ascii == null) {
				ascii = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			ascii.append("\\u")
				.append(HEX[(c >> 12) & 0xF])
				.append(HEX[(c >> 8) & 0xF])
				.append(HEX[(c >> 4) & 0xF])
				.append(HEX[c & 0xF]);
		}
		return (ascii != null) ? ascii.toString().getBytes(StandardCharsets.US_ASCII) : rendered.body();
	}

	/**
	 * Clear the body buffered so far, keeping the headers, and return the response's
	 * stream. Once the application took the writer (a view that failed half-way), the
	 * stream is only available after a full reset, which also drops the writer's
	 * character encoding; the headers are set again after it. A container that keeps the
	 * writer across the reset leaves only the writer.
	 * @return the stream, or {@code null} if only the writer is available
	 */
	private static @Nullable ServletOutputStream clear(HttpServletResponse response) throws IOException {
		try {
			ServletOutputStream out = response.getOutputStream();
			response.resetBuffer();
			return out;
		}
		catch (IllegalStateException writerTaken) {
			HttpHeaders kept = new HttpHeaders();
			for (String name : response.getHeaderNames()) {
				kept.addAll(name, List.copyOf(response.getHeaders(name)));
			}
			response.reset();
			setHeaders(response, kept);
			try {
				return response.getOutputStream();
			}
			catch (IllegalStateException stillTaken) {
				return null;
			}
		}
	}

	/**
	 * Set an error's protocol headers on a response, all but its content type and length.
	 * @param response the response
	 * @param headers the headers
	 */
	static void setHeaders(HttpServletResponse response, HttpHeaders headers) {
		headers.forEach((name, values) -> setHeader(response, name, values));
	}

	private static void setHeader(HttpServletResponse response, String name, List<String> values) {
		if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
			return;
		}
		for (int i = 0; i < values.size(); i++) {
			if (i == 0) {
				response.setHeader(name, values.get(i));
			}
			else {
				response.addHeader(name, values.get(i));
			}
		}
	}

}
