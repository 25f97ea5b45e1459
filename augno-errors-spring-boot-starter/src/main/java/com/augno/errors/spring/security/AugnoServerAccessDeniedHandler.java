package com.augno.errors.spring.security;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;
import com.augno.errors.spring.mapping.Causes;
import com.augno.errors.spring.reactive.AugnoErrorWebExceptionHandler;
import com.augno.errors.spring.web.ErrorResponseRules;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers an authenticated WebFlux request that an authorization rule denied with
 * {@code insufficient_permissions}, through the same
 * {@link AugnoErrorWebExceptionHandler} as every other failure. Spring Security's
 * {@code ExceptionTranslationWebFilter} calls an access denied handler only for a request
 * with a principal (an anonymous one goes to the entry point), so the denial is told as
 * such rather than asked of a security context that, on WebFlux, lives in the Reactor
 * context. An {@link AugnoException} among the denial's causes is answered as its thrower
 * described. A caller authenticated by an OAuth2 bearer token also gets the resource
 * server's {@code insufficient_scope} challenge, as its own handler would set; a browser
 * navigating to a page gets that challenge with the resource server's bodiless 403.
 * <p>
 * A request outside {@code augno.errors.paths} gets Spring Security's own answer, as on
 * Spring MVC: the resource server's challenge with its bodiless 403 where it set one,
 * otherwise the plain-text 403 of Spring Security's default handler (and the CSRF
 * filter's). Spring Boot's handler, which answers those paths' other failures, would turn
 * a denial into a 500.
 *
 * @since 0.1.0
 */
public final class AugnoServerAccessDeniedHandler implements ServerAccessDeniedHandler {

	private static final int MAX_CAUSE_DEPTH = 8;

	private static final ServerAccessDeniedHandler SPRING_SECURITY = new HttpStatusServerAccessDeniedHandler(
			HttpStatus.FORBIDDEN);

	private final AugnoErrorWebExceptionHandler handler;

	/**
	 * Create a handler.
	 * @param handler answers the failure
	 */
	public AugnoServerAccessDeniedHandler(AugnoErrorWebExceptionHandler handler) {
		this.handler = handler;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		AugnoException cause = Causes.first(denied.getCause(), MAX_CAUSE_DEPTH,
				(candidate) -> (candidate instanceof AugnoException augno) ? augno : null);
		// A CSRF failure keeps its own message (SecurityExceptionMapper). Any other
		// denial is insufficient_permissions, which the mapper cannot tell on WebFlux,
		// where the security context is not in a thread-local.
		Throwable failure = (cause != null) ? cause : (denied instanceof CsrfException) ? denied
				: AugnoException.of(ErrorCodes.INSUFFICIENT_PERMISSIONS, denied);
		// Deferred: the answer is assembled once the challenge is on the response.
		return ServerBearerScopeChallenge.addIfTokenAuthenticated(exchange, denied).then(Mono.defer(() -> {
			ServerHttpResponse response = exchange.getResponse();
			boolean enveloped = this.handler.isEnveloped(exchange);
			if (response.getHeaders().containsHeader(HttpHeaders.WWW_AUTHENTICATE)
					&& (!enveloped || ErrorResponseRules.isBrowserNavigation(exchange.getRequest().getHeaders()))) {
				// The resource server's own answer to a browser, or outside the
				// paths: the challenge and a bodiless 403, as on Spring MVC.
				response.setStatusCode(HttpStatus.FORBIDDEN);
				return response.setComplete();
			}
			if (!enveloped) {
				return SPRING_SECURITY.handle(exchange, denied);
			}
			return this.handler.handle(exchange, failure);
		}));
	}

}
