package com.augno.errors.spring.reactive;

import java.util.function.Function;

import com.augno.errors.spring.web.RequestIds;
import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * The request id of a WebFlux exchange, kept under the same attribute name as on the
 * servlet stack.
 *
 * @since 0.1.0
 */
public final class ReactiveRequestIds {

	private ReactiveRequestIds() {
	}

	/**
	 * Return the id of an exchange, or {@code null} if none was assigned.
	 * @param exchange the exchange
	 * @return the id, or {@code null}
	 */
	public static @Nullable String find(ServerWebExchange exchange) {
		return (exchange.getAttribute(RequestIds.ATTRIBUTE) instanceof String id) ? id : null;
	}

	/**
	 * Return the id of an exchange, assigning a new one (and its response header, while
	 * the response is not committed) if it has none.
	 * @param exchange the exchange
	 * @param generator makes the id of an exchange that has none
	 * @param responseHeader the response header that carries the id
	 * @return the id
	 */
	static String assign(ServerWebExchange exchange, Function<ServerWebExchange, String> generator,
			String responseHeader) {
		String id = find(exchange);
		if (id == null) {
			id = generator.apply(exchange);
			exchange.getAttributes().put(RequestIds.ATTRIBUTE, id);
			if (!exchange.getResponse().isCommitted()) {
				exchange.getResponse().getHeaders().set(responseHeader, id);
			}
		}
		return id;
	}

}
