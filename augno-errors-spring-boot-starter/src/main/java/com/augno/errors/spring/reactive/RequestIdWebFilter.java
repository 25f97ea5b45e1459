package com.augno.errors.spring.reactive;

import java.util.List;

import com.augno.errors.spring.web.RequestIdGenerator;
import com.augno.errors.spring.web.RequestIds;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The filter at the head of a WebFlux chain: gives each request its id (reusing a valid
 * one from a trusted proxy header when configured), keeps it in the exchange's
 * attributes, sets the response header, and writes it into the Reactor context under
 * {@value RequestIds#MDC_KEY}, from which Micrometer context propagation puts it into the
 * MDC of the request's log lines.
 * <p>
 * The response carries one request id header: a value the application adds replaces the
 * filter's, as on Spring MVC.
 *
 * @since 0.1.0
 */
public final class RequestIdWebFilter implements WebFilter, Ordered {

	private final RequestIdGenerator generator;

	private final String responseHeader;

	private final @Nullable String trustedHeader;

	/**
	 * Create the filter.
	 * @param generator generates ids
	 * @param responseHeader the response header that carries the id
	 * @param trustedHeader the request header whose valid value is reused, or
	 * {@code null}
	 */
	public RequestIdWebFilter(RequestIdGenerator generator, String responseHeader, @Nullable String trustedHeader) {
		this.generator = generator;
		this.responseHeader = responseHeader;
		this.trustedHeader = trustedHeader;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		boolean assigned = ReactiveRequestIds.find(exchange) == null;
		String id = ReactiveRequestIds.assign(exchange, this::newRequestId, this.responseHeader);
		if (assigned) {
			ServerHttpResponse response = exchange.getResponse();
			response.beforeCommit(() -> {
				keepOneHeader(response.getHeaders(), id);
				return Mono.empty();
			});
		}
		return chain.filter(exchange).contextWrite((context) -> context.put(RequestIds.MDC_KEY, id));
	}

	/**
	 * Send one request id header, as on Spring MVC: a value the application adds (a
	 * gateway or relay copying a downstream's headers with {@code addAll}) replaces the
	 * filter's rather than going out beside it, and one removed (a gateway's retry
	 * resetting the response) is set again.
	 */
	private void keepOneHeader(HttpHeaders headers, String id) {
		List<String> values = headers.get(this.responseHeader);
		if (values == null || values.isEmpty()) {
			headers.set(this.responseHeader, id);
		}
		else if (values.size() > 1) {
			headers.set(this.responseHeader, values.get(values.size() - 1));
		}
	}

	private String newRequestId(ServerWebExchange exchange) {
		if (this.trustedHeader != null) {
			String candidate = exchange.getRequest().getHeaders().getFirst(this.trustedHeader);
			if (RequestIds.isValid(candidate)) {
				return candidate;
			}
		}
		return this.generator.generate();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
