package com.augno.errors.spring.security;

import java.nio.file.Path;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;
import com.augno.errors.StatusCodes;
import com.augno.errors.spring.reactive.AugnoErrorWebExceptionHandler;
import com.augno.errors.spring.web.ErrorResponseRules;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ZeroCopyHttpOutputMessage;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Adds the envelope to what the entry point Spring Security chose for a WebFlux
 * {@code SecurityWebFilterChain} did, without replacing it: HTTP Basic's, a resource
 * server's, a login form's or the application's own. Sits just before Spring Security's
 * {@code WebFilterChainProxy}; when the security chain ends a request with an error
 * status and no body (an entry point sets the status and its {@code WWW-Authenticate}
 * challenge, and completes the response or leaves it to be completed), the envelope is
 * written with that status and every header the mechanism set. A browser navigating to a
 * page gets the mechanism's answer untouched, as do a request outside
 * {@code augno.errors.paths} and an entry point that writes its own body; an API client
 * that a login form's entry point redirects gets a 401 with the envelope and the
 * configured challenge instead, as on Spring MVC. A 401 the chain answered without a
 * challenge keeps none, as on Spring MVC: on WebFlux the chain's entry point always chose
 * it so (HTTP Basic answers an {@code XMLHttpRequest} without one, so that the browser
 * shows no sign-in dialog), and with no mechanism configured Spring Security falls back
 * to HTTP Basic's challenge.
 * <p>
 * Entry points are not handed the exception behind them, so the code of a 401 is read
 * from the exchange: a resource server's challenge naming an expired JWT is
 * {@code expired_token}; a request without an {@code Authorization} header is
 * {@code invalid_credentials} saying that no credentials were provided; any other is
 * {@code invalid_credentials}. Another error status is answered with its own code.
 * <p>
 * Only what the security chain answers itself is touched: {@link #passedMarker()} marks a
 * request that the chain let through, whose response the application owns, unless an
 * {@code AccessDeniedException} comes back from the application (a {@code @PreAuthorize}
 * denial), which Spring Security's exception translation answers with the entry point or
 * the access denied handler, as on Spring MVC.
 *
 * @since 0.1.0
 */
public final class EntryPointEnvelopeWebFilter implements WebFilter, Ordered {

	/**
	 * This filter's order: just before Spring Security's {@code WebFilterChainProxy}
	 * (-100).
	 */
	public static final int ORDER = -101;

	/**
	 * The order of the {@link #passedMarker() marker}: just after Spring Security's
	 * {@code WebFilterChainProxy}.
	 */
	public static final int PASSED_ORDER = -99;

	private static final String PASSED_ATTRIBUTE = EntryPointEnvelopeWebFilter.class.getName() + ".passed";

	private static final String ENTRY_POINT_ATTRIBUTE = EntryPointEnvelopeWebFilter.class.getName() + ".entryPoint";

	private static final String EXPIRED_JWT = "error_description=\"Jwt expired at";

	private final AugnoErrorWebExceptionHandler handler;

	private final @Nullable String challenge;

	/**
	 * Create the filter.
	 * @param handler writes the envelope
	 * @param challenge the {@code WWW-Authenticate} value sent with the 401 that replaces
	 * a login form's redirect, or {@code null} for none
	 */
	public EntryPointEnvelopeWebFilter(AugnoErrorWebExceptionHandler handler, @Nullable String challenge) {
		this.handler = handler;
		this.challenge = StringUtils.hasText(challenge) ? challenge : null;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HeldResponse response = HeldResponse.of(exchange);
		return chain.filter(exchange.mutate().response(response).build())
			.then(Mono.defer(() -> answer(exchange, response)));
	}

	private Mono<Void> answer(ServerWebExchange exchange, HeldResponse held) {
		ServerHttpResponse response = exchange.getResponse();
		HttpStatusCode status = response.getStatusCode();
		boolean loginRedirect = isLoginRedirect(exchange, response, status);
		if (!loginRedirect && !isAnsweredBareBySecurity(exchange, response, status)) {
			return held.release();
		}
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders headers = request.getHeaders();
		// Outside augno.errors.paths, and for a browser navigating, the mechanism's own
		// answer stands, as on Spring MVC: Spring Boot's handler would turn the failure
		// handed to it into a 500.
		if (!this.handler.isEnveloped(exchange) || ErrorResponseRules.isBrowserNavigation(headers)) {
			return held.release();
		}
		if (loginRedirect) {
			// A request that names no media type at all, or htmx's, keeps the redirect,
			// as on Spring MVC.
			if (ErrorResponseRules.followsLoginRedirect(headers)) {
				return held.release();
			}
			// An API client cannot follow a login page: a 401 with the envelope and the
			// configured challenge, as on Spring MVC.
			response.getHeaders().remove(HttpHeaders.LOCATION);
			if (this.challenge != null && !response.getHeaders().containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
				response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, this.challenge);
			}
			return this.handler.handle(exchange, failure(request, response.getHeaders(), 401));
		}
		return this.handler.handle(exchange, failure(request, response.getHeaders(), status.value()));
	}

	private static boolean isAnsweredBareBySecurity(ServerWebExchange exchange, ServerHttpResponse response,
			@Nullable HttpStatusCode status) {
		return status != null && status.isError() && !response.isCommitted()
				&& exchange.getAttribute(PASSED_ATTRIBUTE) == null;
	}

	/**
	 * Return whether the security chain's entry point answered with a redirect (a login
	 * form's), which {@link #entryPointMarker()} tells from the chain's other redirects
	 * (after a sign-in or sign-out, to HTTPS).
	 */
	private static boolean isLoginRedirect(ServerWebExchange exchange, ServerHttpResponse response,
			@Nullable HttpStatusCode status) {
		return status != null && status.is3xxRedirection() && !response.isCommitted()
				&& exchange.getAttribute(PASSED_ATTRIBUTE) == null
				&& exchange.getAttribute(ENTRY_POINT_ATTRIBUTE) != null;
	}

	/**
	 * The failure an entry point answered, as far as the exchange tells it.
	 */
	static Throwable failure(ServerHttpRequest request, HttpHeaders responseHeaders, int status) {
		if (status != 401) {
			return new ResponseStatusException(HttpStatusCode.valueOf(status));
		}
		String challenge = responseHeaders.getFirst(HttpHeaders.WWW_AUTHENTICATE);
		if (challenge != null && challenge.startsWith("Bearer") && challenge.contains(EXPIRED_JWT)) {
			return AugnoException.of(ErrorCodes.EXPIRED_TOKEN);
		}
		if (!request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			return AugnoException.of(ErrorCodes.INVALID_CREDENTIALS).message(StatusCodes.NO_CREDENTIALS_MESSAGE);
		}
		return AugnoException.of(ErrorCodes.INVALID_CREDENTIALS);
	}

	/**
	 * Return the filter that marks a request the security chain let through; it must be
	 * registered too, at {@link #PASSED_ORDER}.
	 * @return the marker
	 */
	public static WebFilter passedMarker() {
		return new PassedMarker();
	}

	/**
	 * Return the filter that marks a request whose authentication or authorization failed
	 * inside the security chain, so that the entry point's redirect can be told apart;
	 * the starter's customizer puts it just after Spring Security's exception
	 * translation.
	 * @return the marker
	 */
	public static WebFilter entryPointMarker() {
		return new EntryPointMarker();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	/**
	 * Marks a request whose failure Spring Security's exception translation is about to
	 * answer with the entry point: an authentication failure, or a denial of a caller not
	 * signed in (a signed-in one's goes to the access denied handler, whose redirect, if
	 * any, stays).
	 */
	private static final class EntryPointMarker implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return chain.filter(exchange).onErrorResume(AuthenticationException.class, (ex) -> {
				exchange.getAttributes().put(ENTRY_POINT_ATTRIBUTE, Boolean.TRUE);
				return Mono.error(ex);
			})
				.onErrorResume(AccessDeniedException.class,
						(ex) -> exchange.getPrincipal().hasElement().flatMap((signedIn) -> {
							if (!signedIn) {
								exchange.getAttributes().put(ENTRY_POINT_ATTRIBUTE, Boolean.TRUE);
							}
							return Mono.error(ex);
						}));
		}

	}

	/**
	 * Marks a request that Spring Security's chain let through.
	 */
	private static final class PassedMarker implements WebFilter, Ordered {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			exchange.getAttributes().put(PASSED_ATTRIBUTE, Boolean.TRUE);
			// A denial thrown past the chain (@PreAuthorize) goes back to Spring
			// Security's exception translation, whose answer is the security chain's
			// again: an entry point's challenge to a caller not signed in.
			return chain.filter(exchange)
				.doOnError(AccessDeniedException.class, (denied) -> exchange.getAttributes().remove(PASSED_ATTRIBUTE));
		}

		@Override
		public int getOrder() {
			return PASSED_ORDER;
		}

	}

	/**
	 * Holds back the completion of a response with an error status and no body while the
	 * security chain runs, so that the envelope can still be written. A body, written or
	 * sent from a file, passes through.
	 */
	private static class HeldResponse extends ServerHttpResponseDecorator {

		private final ServerWebExchange exchange;

		private boolean held;

		HeldResponse(ServerWebExchange exchange) {
			super(exchange.getResponse());
			this.exchange = exchange;
		}

		/**
		 * Hold the exchange's response, keeping zero-copy file transfer where the server
		 * supports it: Spring's resource writers send a file with {@code sendfile} only
		 * to a {@link ZeroCopyHttpOutputMessage}, and copy it through buffers otherwise.
		 */
		static HeldResponse of(ServerWebExchange exchange) {
			return (exchange.getResponse() instanceof ZeroCopyHttpOutputMessage) ? new ZeroCopyHeldResponse(exchange)
					: new HeldResponse(exchange);
		}

		@Override
		public Mono<Void> setComplete() {
			HttpStatusCode status = getStatusCode();
			if (status != null
					&& (status.isError()
							|| (status.is3xxRedirection() && this.exchange.getAttribute(ENTRY_POINT_ATTRIBUTE) != null))
					&& this.exchange.getAttribute(PASSED_ATTRIBUTE) == null) {
				this.held = true;
				return Mono.empty();
			}
			return super.setComplete();
		}

		Mono<Void> release() {
			return this.held ? super.setComplete() : Mono.empty();
		}

	}

	/**
	 * A {@link HeldResponse} of a server response that can send a file without copying it
	 * (Reactor Netty's): the file goes to the server's response as it is.
	 */
	private static final class ZeroCopyHeldResponse extends HeldResponse implements ZeroCopyHttpOutputMessage {

		ZeroCopyHeldResponse(ServerWebExchange exchange) {
			super(exchange);
		}

		@Override
		public Mono<Void> writeWith(Path file, long position, long count) {
			return ((ZeroCopyHttpOutputMessage) getDelegate()).writeWith(file, position, count);
		}

	}

}
