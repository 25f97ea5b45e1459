package com.augno.errors.spring.client;

import java.io.Serial;
import java.time.Duration;

import com.augno.errors.ErrorType;
import com.augno.errors.Quota;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClientResponseException;

/**
 * A downstream service answered with an error: the one exception a call through a client
 * configured with {@link DownstreamErrorHandler} raises for any error status, whether the
 * body was an Augno envelope or not (then {@link #code()} stands for the status and
 * {@link #isEnvelope()} is {@code false}).
 * <p>
 * It is a {@link RestClientResponseException}, so code that already catches that keeps
 * working, but it never holds the downstream's body: {@link #getResponseBodyAsString()}
 * is empty (and its headers say nothing of a body: no {@code Content-Length}) and
 * {@link #getMessage()} names only the method, status, code and the downstream's request
 * id, never the URL or the body. When it reaches this service's error handling it is
 * answered as {@code external_service_error} or {@code service_unavailable} unless its
 * code is passed through (see {@link RestClientExceptionMapper}).
 *
 * @since 0.1.0
 */
public class DownstreamErrorException extends RestClientResponseException {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final byte[] NO_BODY = new byte[0];

	private final DownstreamError error;

	private final HttpMethod method;

	private final boolean idempotencyKey;

	private final boolean passThrough;

	/**
	 * Create the exception.
	 * @param error what the downstream said
	 * @param headers the response headers
	 * @param method the method of the request that failed
	 * @param idempotencyKey whether the request carried an {@code Idempotency-Key}
	 * @param passThrough whether the client that made the call passes the downstream's
	 * code on as this service's answer
	 */
	public DownstreamErrorException(DownstreamError error, HttpHeaders headers, HttpMethod method,
			boolean idempotencyKey, boolean passThrough) {
		super(describe(error, method), HttpStatusCode.valueOf(error.status()), "", withoutBodyFraming(headers), NO_BODY,
				null);
		this.error = error;
		this.method = method;
		this.idempotencyKey = idempotencyKey;
		this.passThrough = passThrough;
	}

	/**
	 * The response headers without those that describe the body it no longer holds
	 * ({@code Content-Length}, {@code Transfer-Encoding}, {@code Content-Encoding}): code
	 * that relays the exception's headers with its empty body would otherwise announce
	 * bytes that never come, and its client would wait for them.
	 */
	private static HttpHeaders withoutBodyFraming(HttpHeaders headers) {
		if (!headers.containsHeader(HttpHeaders.CONTENT_LENGTH)
				&& !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)
				&& !headers.containsHeader(HttpHeaders.CONTENT_ENCODING)) {
			return headers;
		}
		HttpHeaders copy = new HttpHeaders();
		copy.putAll(headers);
		copy.remove(HttpHeaders.CONTENT_LENGTH);
		copy.remove(HttpHeaders.TRANSFER_ENCODING);
		copy.remove(HttpHeaders.CONTENT_ENCODING);
		return copy;
	}

	private static String describe(DownstreamError error, HttpMethod method) {
		StringBuilder text = new StringBuilder(96).append("Downstream ")
			.append(method.name())
			.append(" answered ")
			.append(error.status())
			.append(' ')
			.append(error.code());
		if (!error.envelope()) {
			text.append(" (not an Augno envelope)");
		}
		text.append(" [downstream_request_id=").append((error.requestId() != null) ? error.requestId() : "none");
		return text.append(']').toString();
	}

	/**
	 * Return everything the downstream said.
	 * @return the downstream error
	 */
	public DownstreamError error() {
		return this.error;
	}

	/**
	 * Return the downstream's code, or the code that stands for the status.
	 * @return the code
	 */
	public String code() {
		return this.error.code();
	}

	/**
	 * Return the downstream's type.
	 * @return the type, or {@code null} if it is one this version does not know
	 */
	public @Nullable ErrorType type() {
		return this.error.type();
	}

	/**
	 * Return the downstream's message, meant for its own end users.
	 * @return the message, or {@code null} when the body was not an envelope
	 */
	public @Nullable String errorMessage() {
		return this.error.message();
	}

	/**
	 * Return the field or parameter the downstream named.
	 * @return the name, or {@code null}
	 */
	public @Nullable String param() {
		return this.error.param();
	}

	/**
	 * Return whether retrying the same call may succeed after a delay.
	 * @return the downstream's {@code is_transient}
	 */
	public boolean isTransient() {
		return this.error.isTransient();
	}

	/**
	 * Return the downstream's quota.
	 * @return the quota, or {@code null}
	 */
	public @Nullable Quota quota() {
		return this.error.quota();
	}

	/**
	 * Return the downstream's request id, to quote when following the failure there.
	 * @return the id, or {@code null}
	 */
	public @Nullable String downstreamRequestId() {
		return this.error.requestId();
	}

	/**
	 * Return how long the downstream asked to wait before retrying.
	 * @return the delay, or {@code null}
	 */
	public @Nullable Duration retryAfter() {
		return this.error.retryAfter();
	}

	/**
	 * Return whether the body was an Augno envelope.
	 * @return whether it was
	 */
	public boolean isEnvelope() {
		return this.error.envelope();
	}

	/**
	 * Return the method of the request that failed.
	 * @return the method
	 */
	public HttpMethod method() {
		return this.method;
	}

	/**
	 * Return whether the request carried an {@code Idempotency-Key}.
	 * @return whether it did
	 */
	public boolean hasIdempotencyKey() {
		return this.idempotencyKey;
	}

	/**
	 * Return whether the client that made the call passes the downstream's code on as
	 * this service's answer.
	 * @return whether it does
	 */
	public boolean isPassThrough() {
		return this.passThrough;
	}

}
