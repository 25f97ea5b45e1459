package com.augno.errors.spring.client;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResponseErrorHandler;

/**
 * The {@link DownstreamErrorHandler} for a {@code RestTemplate}, which has no status
 * handlers: every error status raises a {@link DownstreamErrorException}. A
 * {@code RestTemplate} does not show the error handler the request's headers, so a
 * request's {@code Idempotency-Key} is not seen and a failed non-idempotent request is
 * never retried.
 *
 * @since 0.1.0
 */
public final class DownstreamResponseErrorHandler implements ResponseErrorHandler {

	private final DownstreamErrorHandler handler;

	/**
	 * Create the error handler.
	 * @param handler reads error responses
	 */
	public DownstreamResponseErrorHandler(DownstreamErrorHandler handler) {
		this.handler = handler;
	}

	@Override
	public boolean hasError(ClientHttpResponse response) throws IOException {
		return response.getStatusCode().isError();
	}

	@Override
	public void handleError(URI url, HttpMethod method, ClientHttpResponse response) throws IOException {
		throw this.handler.exception(method, null, response);
	}

}
