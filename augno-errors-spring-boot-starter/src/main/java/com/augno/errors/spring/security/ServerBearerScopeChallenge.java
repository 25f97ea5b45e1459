package com.augno.errors.spring.security;

import java.lang.reflect.Field;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * The WebFlux counterpart of {@link BearerScopeChallenge}: the resource server's own
 * access denied handler sets its challenge, and is kept from completing the response, so
 * that the envelope can still be written. Without the starter, that handler is the only
 * default access denied handler of a {@code SecurityWebFilterChain} with
 * {@code oauth2ResourceServer()}, so it answers every denial of the chain's authorization
 * rules: {@code WWW-Authenticate: Bearer error="insufficient_scope", …} for a caller
 * authenticated by a bearer token, a bare {@code WWW-Authenticate: Bearer} for one
 * authenticated otherwise (HTTP Basic in the same chain). The starter keeps both.
 *
 * @since 0.1.0
 */
final class ServerBearerScopeChallenge {

	private static final boolean PRESENT = ClassUtils.isPresent(
			"org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler",
			ServerBearerScopeChallenge.class.getClassLoader());

	/**
	 * Marks an exchange whose denial is answered for a chain with a resource server.
	 */
	private static final String RESOURCE_SERVER_CHAIN_ATTRIBUTE = ServerBearerScopeChallenge.class.getName()
			+ ".resourceServerChain";

	private ServerBearerScopeChallenge() {
	}

	/**
	 * Set the resource server's challenge when the exchange's principal is a bearer
	 * token's authentication, or when the denial is one of the authorization rules of a
	 * chain with a resource server (see {@link #forChain}).
	 * @param exchange the exchange
	 * @param denied the denial
	 * @return completes once the header is set, or at once
	 */
	static Mono<Void> addIfTokenAuthenticated(ServerWebExchange exchange, AccessDeniedException denied) {
		return PRESENT ? Challenge.add(exchange, denied) : Mono.empty();
	}

	/**
	 * Return the access denied handler for the authorization rules of one chain: the
	 * given one, telling it whether the chain has a resource server, whose handler would
	 * otherwise answer every denial of the chain. The chain is looked at on its first
	 * denial, once the application has configured and built it.
	 * @param http the chain's configuration
	 * @param handler the handler that answers
	 * @return the handler for the chain
	 */
	static ServerAccessDeniedHandler forChain(ServerHttpSecurity http, ServerAccessDeniedHandler handler) {
		return PRESENT ? new ResourceServerChain(http, handler) : handler;
	}

	private static final class Challenge {

		private static final BearerTokenServerAccessDeniedHandler HANDLER = new BearerTokenServerAccessDeniedHandler();

		static Mono<Void> add(ServerWebExchange exchange, AccessDeniedException denied) {
			if (exchange.getAttribute(RESOURCE_SERVER_CHAIN_ATTRIBUTE) != null) {
				// The resource server's handler decides the challenge's parameters by the
				// principal itself.
				return challenge(exchange, denied);
			}
			return exchange.getPrincipal()
				.filter(AbstractOAuth2TokenAuthenticationToken.class::isInstance)
				.flatMap((token) -> challenge(exchange, denied));
		}

		private static Mono<Void> challenge(ServerWebExchange exchange, AccessDeniedException denied) {
			return HANDLER.handle(exchange.mutate().response(new HeldBack(exchange.getResponse())).build(), denied);
		}

	}

	/**
	 * The access denied handler of one chain, which marks the exchanges of a chain with a
	 * resource server, and hands every denial of a chain whose resource server has an
	 * access denied handler of the application's own
	 * ({@code oauth2ResourceServer(s -> s.accessDeniedHandler(...))}) to that handler,
	 * the chain's only default one without the starter. {@code ServerHttpSecurity} and
	 * its resource server's spec keep both in private fields only, read once; where they
	 * cannot be read, only a bearer token's caller gets the challenge.
	 */
	private static final class ResourceServerChain implements ServerAccessDeniedHandler {

		private static final @Nullable Field RESOURCE_SERVER = ReflectionUtils.findField(ServerHttpSecurity.class,
				"resourceServer");

		private static final @Nullable Field ACCESS_DENIED_HANDLER = ReflectionUtils
			.findField(ServerHttpSecurity.OAuth2ResourceServerSpec.class, "accessDeniedHandler");

		private final ServerHttpSecurity http;

		private final ServerAccessDeniedHandler handler;

		private volatile @Nullable ResourceServer resourceServer;

		ResourceServerChain(ServerHttpSecurity http, ServerAccessDeniedHandler handler) {
			this.http = http;
			this.handler = handler;
		}

		@Override
		public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
			ResourceServer resourceServer = resourceServer();
			if (resourceServer.applicationHandler() != null) {
				return resourceServer.applicationHandler().handle(exchange, denied);
			}
			if (resourceServer.present()) {
				exchange.getAttributes().put(RESOURCE_SERVER_CHAIN_ATTRIBUTE, Boolean.TRUE);
			}
			return this.handler.handle(exchange, denied);
		}

		private ResourceServer resourceServer() {
			ResourceServer resourceServer = this.resourceServer;
			if (resourceServer == null) {
				resourceServer = readResourceServer(this.http);
				this.resourceServer = resourceServer;
			}
			return resourceServer;
		}

		private static ResourceServer readResourceServer(ServerHttpSecurity http) {
			Object spec = PrivateFields.read(RESOURCE_SERVER, http);
			if (spec == null) {
				return new ResourceServer(false, null);
			}
			// Spring Security's own handler unless the application gave its own.
			return new ResourceServer(true,
					(PrivateFields.read(ACCESS_DENIED_HANDLER, spec) instanceof ServerAccessDeniedHandler own
							&& !(own instanceof BearerTokenServerAccessDeniedHandler)) ? own : null);
		}

		/**
		 * What a chain's configuration says of its resource server.
		 *
		 * @param present whether the chain has one
		 * @param applicationHandler its access denied handler when the application's own
		 */
		private record ResourceServer(boolean present, @Nullable ServerAccessDeniedHandler applicationHandler) {
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
