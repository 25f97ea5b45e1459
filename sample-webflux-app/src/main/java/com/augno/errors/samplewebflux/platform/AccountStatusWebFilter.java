package com.augno.errors.samplewebflux.platform;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses every request of an account whose subscription is past due, before any
 * controller: a {@code WebFilter}'s {@link AugnoException} is answered like a
 * controller's.
 */
@Component
class AccountStatusWebFilter implements WebFilter {

	static final String ACCOUNT_HEADER = "Augno-Account";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if ("acct_past_due".equals(exchange.getRequest().getHeaders().getFirst(ACCOUNT_HEADER))) {
			return Mono.error(AugnoException.of(ErrorCodes.PAYMENT_REQUIRED)
				.message("Your subscription is past due. Please update your payment method to continue."));
		}
		return chain.filter(exchange);
	}

}
