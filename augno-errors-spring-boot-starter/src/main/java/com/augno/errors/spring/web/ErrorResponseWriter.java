package com.augno.errors.spring.web;

import java.io.IOException;
import java.util.List;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorEnvelope;
import jakarta.servlet.http.HttpServletResponse;
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
		byte[] body = toBytes(error);
		response.resetBuffer();
		response.setStatus(status);
		setHeaders(response, headers);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
		return true;
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
