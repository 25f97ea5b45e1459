package com.augno.errors.spring.client;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Wraps the I/O failure of a call in a {@link DownstreamIOException} that records the
 * request's method and {@code Idempotency-Key}, so that {@link DownstreamRetryPolicy} can
 * tell whether a call that may have reached the downstream is safe to repeat.
 *
 * @since 0.1.0
 */
public final class DownstreamIOExceptionInterceptor implements ClientHttpRequestInterceptor {

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		try {
			return execution.execute(request, body);
		}
		catch (DownstreamIOException ex) {
			throw ex;
		}
		catch (IOException ex) {
			throw new DownstreamIOException(request.getMethod(),
					request.getHeaders().containsHeader(DownstreamErrorHandler.IDEMPOTENCY_KEY_HEADER), ex);
		}
	}

}
