package com.augno.errors.spring.format;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * What an {@link ErrorFormat} writes: the body's bytes, its content type and the headers
 * to send with it. The writer adds {@code Cache-Control: no-store} and an exact
 * {@code Content-Length}; a {@code Content-Type} or {@code Content-Length} among the
 * headers is ignored, the content type is the one given here.
 *
 * @param body the body, usually UTF-8 JSON
 * @param contentType the body's content type
 * @param headers the headers to send, usually the error's
 * {@linkplain ResolvedError#headers() protocol headers}
 * @since 0.1.0
 */
public record ErrorBody(byte[] body, MediaType contentType, HttpHeaders headers) {

	/**
	 * Create a JSON body.
	 * @param body the UTF-8 JSON
	 * @param headers the headers to send
	 * @return the body
	 */
	public static ErrorBody json(byte[] body, HttpHeaders headers) {
		return new ErrorBody(body, MediaType.APPLICATION_JSON, headers);
	}

}
