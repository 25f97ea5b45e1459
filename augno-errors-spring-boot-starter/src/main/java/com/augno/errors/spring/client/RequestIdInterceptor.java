package com.augno.errors.spring.client;

import java.io.IOException;

import com.augno.errors.spring.web.RequestIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Sends the current request id with every outgoing call, so that one failure can be
 * followed across services: the id in the MDC under {@value RequestIds#MDC_KEY} (set by
 * the request id filter for the request being served), else the id of the current
 * request. A header the caller set itself is left alone, and nothing is sent outside a
 * request. The downstream reuses the id when it trusts the header
 * ({@code augno.errors.request-id.trusted-header}).
 *
 * @since 0.1.0
 */
public final class RequestIdInterceptor implements ClientHttpRequestInterceptor {

	private final String header;

	/**
	 * Create the interceptor.
	 * @param header the request header that carries the id, such as {@code Request-Id}
	 */
	public RequestIdInterceptor(String header) {
		Assert.hasText(header, "header must not be empty");
		this.header = header;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String id = currentRequestId();
		if (id != null && !request.getHeaders().containsHeader(this.header)) {
			request.getHeaders().set(this.header, id);
		}
		return execution.execute(request, body);
	}

	/**
	 * Return the id of the request being served on this thread.
	 * @return the id, or {@code null} outside a request
	 */
	public static @Nullable String currentRequestId() {
		String id = MDC.get(RequestIds.MDC_KEY);
		if (RequestIds.isValid(id)) {
			return id;
		}
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		Object attribute = (attributes != null)
				? attributes.getAttribute(RequestIds.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) : null;
		return (attribute instanceof String value && RequestIds.isValid(value)) ? value : null;
	}

}
