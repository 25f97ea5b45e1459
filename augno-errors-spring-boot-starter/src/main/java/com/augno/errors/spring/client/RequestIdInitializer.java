package com.augno.errors.spring.client;

import java.util.function.Consumer;

import com.augno.errors.spring.web.RequestIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestInitializer;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Sends the current request id with every outgoing call, so that one failure can be
 * followed across services: the id in the MDC under {@value RequestIds#MDC_KEY} (set by
 * the request id filter for the request being served), else the id of the current
 * request. A header the caller set itself is left alone, and nothing is sent outside a
 * request. The downstream reuses the id when it trusts the header
 * ({@code augno.errors.request-id.trusted-header}).
 * <p>
 * It sets the header on the request itself, not through a
 * {@code ClientHttpRequestInterceptor}: a client with interceptors holds every request
 * body in memory (Spring Framework 7's {@code InterceptingClientHttpRequest}), which a
 * streamed upload must not pay for a header.
 *
 * @since 0.1.0
 */
public final class RequestIdInitializer implements ClientHttpRequestInitializer, Consumer<ClientHttpRequest> {

	private final String header;

	/**
	 * Create the initializer.
	 * @param header the request header that carries the id, such as {@code Request-Id}
	 */
	public RequestIdInitializer(String header) {
		Assert.hasText(header, "header must not be empty");
		this.header = header;
	}

	/**
	 * Send the id with every call of a builder's clients. It is set right before the
	 * request is executed, after the call's own headers, so that a header the caller set
	 * is seen and kept.
	 * @param builder the builder
	 */
	public void applyTo(RestClient.Builder builder) {
		builder.defaultRequest((request) -> request.httpRequest(this));
	}

	/**
	 * Send the id with every call of a template. A header the caller set replaces it: a
	 * {@code RestTemplate} sets the call's headers after the initializers ran.
	 * @param template the template
	 */
	public void applyTo(RestTemplate template) {
		template.getClientHttpRequestInitializers().add(this);
	}

	@Override
	public void initialize(ClientHttpRequest request) {
		accept(request);
	}

	@Override
	public void accept(ClientHttpRequest request) {
		String id = currentRequestId();
		if (id != null && !request.getHeaders().containsHeader(this.header)) {
			request.getHeaders().set(this.header, id);
		}
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
