package com.augno.errors.spring.client;

import com.augno.errors.spring.web.RequestIds;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * The {@code WebClient} counterpart of {@link RequestIdInitializer}: sends the current
 * request id with every outgoing call. On WebFlux the id is the one the request id
 * {@code WebFilter} wrote into the Reactor context under {@value RequestIds#MDC_KEY},
 * read when the call is subscribed; a call made outside a reactive request (a
 * {@code WebClient} blocked on in a servlet application) falls back to
 * {@link RequestIdInitializer#currentRequestId()}. A header the caller set itself is left
 * alone, and nothing is sent outside a request.
 *
 * @since 0.1.0
 */
public final class RequestIdExchangeFilter implements ExchangeFilterFunction {

	private final String header;

	/**
	 * Create the filter.
	 * @param header the request header that carries the id, such as {@code Request-Id}
	 */
	public RequestIdExchangeFilter(String header) {
		Assert.hasText(header, "header must not be empty");
		this.header = header;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (request.headers().containsHeader(this.header)) {
			return next.exchange(request);
		}
		return Mono.deferContextual((context) -> {
			Object fromContext = context.getOrDefault(RequestIds.MDC_KEY, null);
			String id = (fromContext instanceof String value && RequestIds.isValid(value)) ? value
					: RequestIdInitializer.currentRequestId();
			return next.exchange((id != null) ? ClientRequest.from(request).header(this.header, id).build() : request);
		});
	}

}
