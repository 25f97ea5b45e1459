package com.augno.errors.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * A response as the assertions see it, whatever client produced it: status, headers and
 * body, or the body alone when only the body was handed over (through
 * {@link AugnoErrors#factory()}). Without a status the status check is left out, without
 * headers the header checks.
 *
 * @param status the HTTP status, or {@code null} when only the body is known
 * @param headers the response headers, or {@code null} when only the body is known
 * @param body the body as text, empty when there was none
 * @param failure an exception the request ended with instead of a response (such as one
 * no handler resolved in MockMvc), or {@code null}
 * @since 0.1.0
 */
public record CapturedResponse(@Nullable Integer status, @Nullable HttpHeaders headers, String body,
		@Nullable Throwable failure) {

	/**
	 * Return a whole response.
	 * @param status the HTTP status
	 * @param headers the headers
	 * @param body the body, or {@code null} for none
	 * @return the response
	 */
	public static CapturedResponse of(int status, HttpHeaders headers, @Nullable String body) {
		return new CapturedResponse(status, HttpHeaders.readOnlyHttpHeaders(headers), (body != null) ? body : "", null);
	}

	/**
	 * Return a body whose status and headers are not known.
	 * @param body the body
	 * @return the response
	 */
	public static CapturedResponse bodyOnly(String body) {
		return new CapturedResponse(null, null, body, null);
	}

	/**
	 * Return a copy whose status is left unchecked: for a response whose status is not
	 * the one of its code, such as one a container keeps while answering with the nearest
	 * code.
	 * @return the copy
	 */
	public CapturedResponse withoutStatus() {
		return new CapturedResponse(null, this.headers, this.body, this.failure);
	}

	/**
	 * Return whether status and headers are known.
	 * @return whether this is a whole response
	 */
	public boolean isWhole() {
		return this.status != null && this.headers != null;
	}

	/**
	 * Return the values of a header.
	 * @param name the header name, in any case
	 * @return its values, empty when absent or when only the body is known
	 */
	public List<String> header(String name) {
		List<String> values = (this.headers != null) ? this.headers.get(name) : null;
		return (values != null) ? values : List.of();
	}

	/**
	 * Show the response as it came over the wire, for failure messages.
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		if (this.status != null) {
			text.append("HTTP ").append(this.status).append('\n');
		}
		if (this.headers != null) {
			this.headers.forEach((name, values) -> values
				.forEach((value) -> text.append(name).append(": ").append(value).append('\n')));
		}
		if (this.failure != null) {
			text.append("(the request ended with ").append(this.failure).append(")\n");
		}
		if (text.length() > 0) {
			text.append('\n');
		}
		return text.append(this.body.isEmpty() ? "(empty body)" : this.body).toString();
	}

}
