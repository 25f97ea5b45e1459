package com.augno.errors.spring.security;

import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * The WebFlux counterpart of {@link BearerScopeChallenge}: the resource server's own
 * access denied handler sets its {@code insufficient_scope} challenge on the response of
 * a caller authenticated by a bearer token, and is kept from completing the response, so
 * that the envelope can still be written.
 *
 * @since 0.1.0
 */
final class ServerBearerScopeChallenge {

	private static final boolean PRESENT = ClassUtils.isPresent(
			"org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler",
			ServerBearerScopeChallenge.class.getClassLoader());

	private ServerBearerScopeChallenge() {
	}

	/**
	 * Set the resource server's challenge when the exchange's principal is a bearer
	 * token's authentication.
	 * @param exchange the exchange
	 * @param denied the denial
	 * @return completes once the header is set, or at once
	 */
	static Mono<Void> addIfTokenAuthenticated(ServerWebExchange exchange, AccessDeniedException denied) {
		return PRESENT ? Challenge.add(exchange, denied) : Mono.empty();
	}

	private static final class Challenge {

		private static final BearerTokenServerAccessDeniedHandler HANDLER = new BearerTokenServerAccessDeniedHandler();

		static Mono<Void> add(ServerWebExchange exchange, AccessDeniedException denied) {
			return exchange.getPrincipal()
				.filter(AbstractOAuth2TokenAuthenticationToken.class::isInstance)
				.flatMap((token) -> HANDLER
					.handle(exchange.mutate().response(new HeldBack(exchange.getResponse())).build(), denied));
		}

	}

	/**
	 * A response whose completion is held back: the handler's status and headers pass
	 * through.
	 */
	private static final class HeldBack extends ServerHttpResponseDecorator {

		HeldBack(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> setComplete() {
			return Mono.empty();
		}

	}

}
