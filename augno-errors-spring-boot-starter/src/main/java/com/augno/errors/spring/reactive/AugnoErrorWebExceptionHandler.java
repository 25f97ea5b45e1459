package com.augno.errors.spring.reactive;

import java.util.List;
import java.util.Locale;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorCode;
import com.augno.errors.StatusCodes;
import com.augno.errors.spring.format.ErrorBody;
import com.augno.errors.spring.format.ErrorRenderer;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.mapping.ErrorResponseMapper;
import com.augno.errors.spring.mapping.MappedError;
import com.augno.errors.spring.mapping.UnrecognizedUrls;
import com.augno.errors.spring.web.ErrorEvent;
import com.augno.errors.spring.web.ErrorListener;
import com.augno.errors.spring.web.ErrorListeners;
import com.augno.errors.spring.web.ErrorLogger;
import com.augno.errors.spring.web.ErrorResponseRules;
import com.augno.errors.spring.web.RequestIdGenerator;
import com.augno.errors.spring.web.RequestIds;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Answers every failure of a WebFlux application: maps it through the
 * {@link CompositeExceptionMapper}, logs it once through the {@link ErrorLogger} (with
 * its crash-storm policy), renders it through the {@link ErrorRenderer} in the format the
 * request chooses, and writes it. Ordered as Spring Boot's own handler (-1), which backs
 * off for it, and before Spring Framework's (at 0), which never sees a failure this
 * handler answers; an application's own {@code WebExceptionHandler} at the same order or
 * before it still comes first, as it does before Spring Boot's. The
 * {@link ErrorListener}s are told about each error it answers once the answer is ready to
 * be written, as on the servlet stack.
 * <p>
 * A client that went away gets nothing written: it is logged at the level of
 * {@code augno.errors.logging.client-closed-request} and the exchange completes, so that
 * Spring does not log the disconnect as a server error; the listeners are told (status
 * 499). A failure after the response was committed (inside a streamed body) is logged
 * once and the connection closed: the client sees a truncated stream, never a JSON error
 * appended to it. A request Reactor Netty has answered itself (its 400 for a chunked body
 * it cannot decode, after the application began reading it) gets nothing more written:
 * its failure is logged and the listeners are told, as for any other error.
 * <p>
 * As on Spring MVC, the failures of paths outside {@code augno.errors.paths} are left to
 * Spring Boot's own handling, and a browser navigating gets the application's error page
 * (rendered by Boot's handler, with Boot's model) when it has one for the status.
 *
 * @since 0.1.0
 */
public final class AugnoErrorWebExceptionHandler implements ErrorWebExceptionHandler, Ordered {

	/**
	 * This handler's order: that of Spring Boot's
	 * {@code DefaultErrorWebExceptionHandler}, which it replaces.
	 */
	public static final int ORDER = -1;

	private static final Log logger = LogFactory.getLog(AugnoErrorWebExceptionHandler.class);

	private static final int MAX_INSTANCE_LENGTH = 1024;

	private static final boolean REACTOR_NETTY = ClassUtils.isPresent("reactor.netty.Connection",
			AugnoErrorWebExceptionHandler.class.getClassLoader());

	private static final boolean REACTOR_NETTY_HTTP = ClassUtils.isPresent(
			"reactor.netty.http.server.HttpServerResponse", AugnoErrorWebExceptionHandler.class.getClassLoader());

	private final CompositeExceptionMapper mappers;

	private final ErrorRenderer renderer;

	private final ErrorLogger errorLogger;

	private final RequestIdGenerator requestIdGenerator;

	private final String requestIdHeader;

	private final ErrorResponseRules rules;

	private final @Nullable ErrorWebExceptionHandler boot;

	private final @Nullable ReactiveErrorPages pages;

	private final ErrorListeners listeners;

	/**
	 * Create a handler that answers every failure with the envelope.
	 * @param mappers the mapper chain
	 * @param renderer builds and renders the error
	 * @param errorLogger logs each error once
	 * @param requestIdGenerator generates an id for a request the filter did not see
	 * @param requestIdHeader the response header that carries the request id
	 */
	public AugnoErrorWebExceptionHandler(CompositeExceptionMapper mappers, ErrorRenderer renderer,
			ErrorLogger errorLogger, RequestIdGenerator requestIdGenerator, String requestIdHeader) {
		this(mappers, renderer, errorLogger, requestIdGenerator, requestIdHeader, new ErrorResponseRules(List.of()),
				null, null);
	}

	/**
	 * Create a handler that leaves to Spring Boot's handling the failures of paths
	 * outside the {@link ErrorResponseRules rules}, and the application's error pages for
	 * a browser navigating.
	 * @param mappers the mapper chain
	 * @param renderer builds and renders the error
	 * @param errorLogger logs each error once
	 * @param requestIdGenerator generates an id for a request the filter did not see
	 * @param requestIdHeader the response header that carries the request id
	 * @param rules which paths get the envelope, and which requests are a browser's
	 * @param boot Spring Boot's handler, or {@code null} to answer every path
	 * @param pages the application's error pages, or {@code null} for none
	 */
	public AugnoErrorWebExceptionHandler(CompositeExceptionMapper mappers, ErrorRenderer renderer,
			ErrorLogger errorLogger, RequestIdGenerator requestIdGenerator, String requestIdHeader,
			ErrorResponseRules rules, @Nullable ErrorWebExceptionHandler boot, @Nullable ReactiveErrorPages pages) {
		this(mappers, renderer, errorLogger, requestIdGenerator, requestIdHeader, rules, boot, pages, List.of());
	}

	/**
	 * Create a handler that leaves to Spring Boot's handling the failures of paths
	 * outside the {@link ErrorResponseRules rules}, and the application's error pages for
	 * a browser navigating, and tells listeners about each error it answers.
	 * @param mappers the mapper chain
	 * @param renderer builds and renders the error
	 * @param errorLogger logs each error once
	 * @param requestIdGenerator generates an id for a request the filter did not see
	 * @param requestIdHeader the response header that carries the request id
	 * @param rules which paths get the envelope, and which requests are a browser's
	 * @param boot Spring Boot's handler, or {@code null} to answer every path
	 * @param pages the application's error pages, or {@code null} for none
	 * @param listeners called for each answered error, in order
	 */
	public AugnoErrorWebExceptionHandler(CompositeExceptionMapper mappers, ErrorRenderer renderer,
			ErrorLogger errorLogger, RequestIdGenerator requestIdGenerator, String requestIdHeader,
			ErrorResponseRules rules, @Nullable ErrorWebExceptionHandler boot, @Nullable ReactiveErrorPages pages,
			List<ErrorListener> listeners) {
		this.listeners = new ErrorListeners(listeners);
		this.mappers = mappers;
		this.renderer = renderer;
		this.errorLogger = errorLogger;
		this.requestIdGenerator = requestIdGenerator;
		this.requestIdHeader = requestIdHeader;
		this.rules = rules;
		this.boot = boot;
		this.pages = pages;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		String requestId = ReactiveRequestIds.assign(exchange, (e) -> this.requestIdGenerator.generate(),
				this.requestIdHeader);
		// Logged inside handle(), which restores the Reactor context's request id into
		// the MDC through Micrometer context propagation.
		return Mono.just(exchange)
			.<Mono<Void>>handle((ex, sink) -> sink.next(answer(ex, failure, requestId)))
			.flatMap((answer) -> answer)
			.contextWrite((context) -> context.put(RequestIds.MDC_KEY, requestId));
	}

	/**
	 * Return whether a failure of the exchange is answered with the envelope (or the
	 * configured format), rather than by Spring Boot's handler outside
	 * {@code augno.errors.paths}.
	 * @param exchange the exchange
	 * @return whether the starter answers its failures
	 */
	public boolean isEnveloped(ServerWebExchange exchange) {
		return this.boot == null
				|| this.rules.isEnveloped(exchange.getRequest().getPath().pathWithinApplication().value());
	}

	/**
	 * The status a committed response went out with: 200 unless one was set.
	 */
	private static int committedStatus(ServerHttpResponse response) {
		HttpStatusCode status = response.getStatusCode();
		return (status != null) ? status.value() : 200;
	}

	private Mono<Void> answer(ServerWebExchange exchange, Throwable failure, String requestId) {
		ServerHttpRequest request = exchange.getRequest();
		ServerHttpResponse response = exchange.getResponse();
		String method = request.getMethod().name();
		String path = request.getPath().value();
		MappedError mapped = isUnmatchedRoute(exchange, failure) ? UnrecognizedUrls.of(method, path)
				: this.mappers.map(failure);
		if (mapped.disconnected()) {
			this.errorLogger.logClientClosed(method, path, requestId, failure);
			if (!response.isCommitted() && !isAnsweredByServer(response)) {
				response.setStatusCode(HttpStatusCode.valueOf(499));
			}
			if (!this.listeners.isEmpty()) {
				ErrorCode code = this.renderer.errorFactory().resolve(mapped.code());
				notifyListeners(exchange, code.status(),
						this.renderer.create(code, mapped, requestId, locale(exchange)), requestId);
			}
			return Mono.empty();
		}
		if (this.boot != null && !isEnveloped(exchange)) {
			return this.boot.handle(exchange, failure);
		}
		ErrorCode code = this.renderer.errorFactory().resolve(mapped.code());
		// A status no code stands for (a ResponseStatusException's 422) is kept.
		int status = StatusCodes.answerStatus(mapped.code(), code.status(),
				() -> ErrorResponseMapper.statusOf(failure));
		Locale locale = locale(exchange);
		AugnoError error = this.renderer.create(code, mapped, requestId, locale);
		if (code.status() == 499) {
			this.errorLogger.logClientClosed(method, path, requestId, failure);
		}
		else {
			this.errorLogger.log(method, path, requestId, status, error, failure,
					response.isCommitted() ? committedStatus(response) : 0);
		}
		if (isAnsweredByServer(response)) {
			if (logger.isDebugEnabled()) {
				logger
					.debug("Reactor Netty already answered; not writing " + error.code() + " of request " + requestId);
			}
			notifyListeners(exchange, status, error, requestId);
			return Mono.empty();
		}
		if (response.isCommitted()) {
			if (logger.isDebugEnabled()) {
				logger
					.debug("Response already committed; aborting it for " + error.code() + " of request " + requestId);
			}
			notifyListeners(exchange, status, error, requestId);
			return abort(response, failure);
		}
		if (this.boot != null && prefersPage(request, status)) {
			// Boot renders the page; a ResponseStatusException gives it the status.
			exchange.getAttributes().put(BootErrorWebExceptionHandler.LOGGED_ATTRIBUTE, Boolean.TRUE);
			notifyListeners(exchange, status, error, requestId);
			return this.boot.handle(exchange, new ResponseStatusException(HttpStatusCode.valueOf(status),
					pageMessage(exchange, code, mapped, error, locale, requestId), failure));
		}
		String instance = (path.length() <= MAX_INSTANCE_LENGTH) ? path : null;
		ErrorBody rendered = this.renderer.render(code, mapped, error, status, requestId, instance, locale,
				request.getHeaders().getFirst(HttpHeaders.ACCEPT));
		notifyListeners(exchange, status, error, requestId);
		return write(response, status, rendered);
	}

	/**
	 * Tell the listeners about an error, with the pattern of the handler WebFlux matched,
	 * if any.
	 */
	private void notifyListeners(ServerWebExchange exchange, int status, AugnoError error, String requestId) {
		if (this.listeners.isEmpty()) {
			return;
		}
		String route = (exchange
			.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof PathPattern pattern)
					? pattern.getPatternString() : null;
		ServerHttpRequest request = exchange.getRequest();
		this.listeners.notify(
				new ErrorEvent(request.getMethod().name(), request.getPath().value(), route, status, error, requestId));
	}

	private boolean prefersPage(ServerHttpRequest request, int status) {
		return this.pages != null && ErrorResponseRules.isBrowserNavigation(request.getHeaders())
				&& this.pages.hasPage(status);
	}

	/**
	 * Whether the request matched no route: the static resources' not-found, or the bare
	 * 404 Spring's {@code DispatcherHandler} raises when no handler matched. Such a 404
	 * is answered as on Spring MVC, naming the method and path; a 404 a handler raised
	 * keeps its own message.
	 */
	private static boolean isUnmatchedRoute(ServerWebExchange exchange, Throwable failure) {
		if (failure instanceof NoResourceFoundException) {
			return true;
		}
		return failure.getClass() == ResponseStatusException.class
				&& ((ResponseStatusException) failure).getStatusCode().value() == 404
				&& exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) == null;
	}

	/**
	 * Close the connection of a committed response, so that its body ends cut short
	 * rather than looking complete; a server other than Reactor Netty is left to do so
	 * with the failure.
	 */
	private static Mono<Void> abort(ServerHttpResponse response, Throwable failure) {
		if (REACTOR_NETTY && ServerHttpResponseDecorator.getNativeResponse(response) instanceof Connection connection) {
			connection.dispose();
			return Mono.empty();
		}
		return Mono.error(failure);
	}

	/**
	 * Whether Reactor Netty has answered the request itself while Spring's response is
	 * still uncommitted: after the headers of a request whose body it then cannot decode
	 * (a malformed chunk), it answers 400 on its own, closes the connection and ends the
	 * body the application is reading, whose failure then comes here. Writing the
	 * envelope would fail ("Status and headers already sent"), and Spring would log that
	 * as a 500 at ERROR.
	 */
	private static boolean isAnsweredByServer(ServerHttpResponse response) {
		if (!REACTOR_NETTY_HTTP || response.isCommitted()) {
			return false;
		}
		Object nativeResponse;
		try {
			nativeResponse = ServerHttpResponseDecorator.getNativeResponse(response);
		}
		catch (IllegalStateException ex) {
			// A mock response (WebTestClient without a server) has no native response.
			return false;
		}
		return nativeResponse instanceof HttpServerResponse nettyResponse && nettyResponse.hasSentHeaders();
	}

	private static Mono<Void> write(ServerHttpResponse response, int status, ErrorBody rendered) {
		response.setStatusCode(HttpStatusCode.valueOf(status));
		HttpHeaders headers = response.getHeaders();
		if (!rendered.headers().isEmpty()) {
			rendered.headers().forEach((name, values) -> setHeader(headers, name, values));
		}
		headers.setContentType(rendered.contentType());
		headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
		headers.setContentLength(rendered.body().length);
		DataBuffer buffer = response.bufferFactory().wrap(rendered.body());
		return response.writeWith(Mono.just(buffer));
	}

	private static void setHeader(HttpHeaders headers, String name, List<String> values) {
		if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
			headers.put(name, List.copyOf(values));
		}
	}

	/**
	 * The language of a request's messages: the one its {@code Accept-Language} header
	 * prefers, English (the contract's) when it sends none.
	 */
	private static Locale locale(ServerWebExchange exchange) {
		if (exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE) == null) {
			return Locale.ENGLISH;
		}
		@Nullable Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.ENGLISH;
	}

	/**
	 * The message of a page: in the language WebFlux renders the page in, the one the
	 * application's {@code LocaleContextResolver} chooses (a fixed one, or the server's
	 * when it chooses none), even for a request without {@code Accept-Language}, whose
	 * envelope is in English.
	 */
	private String pageMessage(ServerWebExchange exchange, ErrorCode code, MappedError mapped, AugnoError error,
			Locale locale, String requestId) {
		Locale pageLocale = LocaleContextHolder.getLocale(exchange.getLocaleContext());
		return pageLocale.equals(locale) ? error.message()
				: this.renderer.create(code, mapped, requestId, pageLocale).message();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
