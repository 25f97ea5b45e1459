package com.augno.errors.spring.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorEnvelope;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Writes the envelope to a servlet response: always {@code application/json} whatever the
 * request's {@code Accept} says, {@code Cache-Control: no-store}, an exact
 * {@code Content-Length}, and the protocol headers the error carries. It uses its own
 * mapper, so the application's Jackson settings cannot change the wire format.
 *
 * @since 0.1.0
 */
public class ErrorResponseWriter {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final JsonMapper asciiMapper = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	/**
	 * Serialize an error to the bytes of its envelope.
	 * @param error the error
	 * @return the UTF-8 JSON
	 */
	public byte[] toBytes(AugnoError error) {
		return this.mapper.writeValueAsBytes(new ErrorEnvelope(error));
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
		if (response.isCommitted()) {
			return false;
		}
		ServletOutputStream out = clear(response);
		// With only the writer left, whatever its charset: ASCII JSON is the same bytes
		// in
		// any of them, so the length stays exact.
		byte[] body = (out != null) ? toBytes(error) : this.asciiMapper.writeValueAsBytes(new ErrorEnvelope(error));
		response.setStatus(status);
		setHeaders(response, headers);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
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
