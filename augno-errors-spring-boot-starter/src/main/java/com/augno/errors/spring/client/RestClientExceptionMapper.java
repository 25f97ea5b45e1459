package com.augno.errors.spring.client;

import java.util.Set;

import com.augno.errors.ErrorRegistry;
import com.augno.errors.StatusCodes;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Maps a failed downstream call ({@link RestClientException}, raised by
 * {@code RestClient}, {@code RestTemplate} and HTTP interface clients) so that the client
 * learns that a dependency failed, never which one: no downstream URL, host, status text
 * or body reaches the envelope.
 * <ul>
 * <li>a cause chain with {@code SocketTimeoutException} or {@code HttpTimeoutException}
 * (read or connect timeout, including {@code HttpConnectTimeoutException}):
 * {@code timeout};</li>
 * <li>a cause chain with {@code ConnectException}, {@code NoRouteToHostException} or
 * {@code UnknownHostException} (refused, unreachable, unknown host):
 * {@code connection_error};</li>
 * <li>a downstream 503 or 429: {@code service_unavailable}, with the downstream's
 * {@code Retry-After} passed on when it is a number of seconds. The dependency is
 * refusing work for a while, so this service cannot serve the request for a while either;
 * it is not the caller who sent too many requests;</li>
 * <li>any other downstream status, 5xx or 4xx: {@code external_service_error}. A
 * downstream 4xx means this service sent a request the dependency rejected, which is
 * neither the caller's fault nor something the caller can fix, so it is never passed on
 * as a 4xx; a service that wants to pass on, say, a downstream 404 catches it and throws
 * an {@code AugnoException};</li>
 * <li>anything else (an I/O failure after connecting, an unreadable response):
 * {@code external_service_error}.</li>
 * </ul>
 * A status exception that Spring code other than an HTTP client created (Spring Data
 * REST's 404 for an unknown profile) is no downstream failure: it gets the code of its
 * status, as a {@code ResponseStatusException} would. A downstream error whose code is
 * passed through, because the client that made the call asked for it
 * ({@link DownstreamErrorHandler#passingThrough}) or the code is one of
 * {@code augno.errors.client.pass-through-codes} (then also from Spring's own
 * {@code HttpClientErrorException} and {@code HttpServerErrorException}), is answered
 * with the downstream's code instead, when the body was an envelope and this service's
 * registry knows the code: with the downstream's type, quota and {@code Retry-After}, its
 * message for a 4xx, and this service's own request id. The downstream's envelope is
 * never forwarded as it came. Runs at {@link #ORDER}: after
 * {@link ExceptionMapper#AUGNO_EXCEPTION_ORDER} and the mappers of Spring MVC's own
 * exceptions, and well before {@link ExceptionMapper#ERROR_RESPONSE_ORDER}.
 *
 * @since 0.1.0
 */
public final class RestClientExceptionMapper implements ExceptionMapper {

	/**
	 * Order of this mapper: after the mappers of Spring MVC's own exceptions.
	 */
	public static final int ORDER = SPRING_MVC_ORDER + 2000;

	private static final String CLIENT_PACKAGE = "org.springframework.web.client.";

	private final DownstreamPassThrough passThrough;

	/**
	 * Create a mapper that passes no downstream code through.
	 */
	public RestClientExceptionMapper() {
		this(null, Set.of(), new DownstreamErrorReader());
	}

	/**
	 * Create a mapper that passes downstream codes through.
	 * @param registry this service's codes; a downstream code it does not know is never
	 * passed through
	 * @param passThroughCodes the downstream codes this service answers with as its own,
	 * in addition to those the calling client marks
	 * @param reader reads the body of Spring's own status exceptions, when a code is
	 * passed through
	 */
	public RestClientExceptionMapper(@Nullable ErrorRegistry registry, Set<String> passThroughCodes,
			DownstreamErrorReader reader) {
		this.passThrough = new DownstreamPassThrough(registry, passThroughCodes, reader);
	}

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (!(throwable instanceof RestClientException)) {
			return null;
		}
		if (throwable instanceof RestClientResponseException response) {
			if (isRaisedByOtherSpringCode(response)) {
				return MappedError.of(StatusCodes.forStatus(response.getStatusCode().value()));
			}
			MappedError passed = (response instanceof DownstreamErrorException downstream)
					? this.passThrough.map(downstream) : this.passThrough.map(response.getStatusCode().value(),
							response.getResponseHeaders(), response.getResponseBodyAsByteArray());
			return (passed != null) ? passed : mapResponse(response);
		}
		return DownstreamFailures.byCause(throwable.getCause());
	}

	/**
	 * Whether Spring code other than an HTTP client raised the exception to mean a status
	 * of this service's own, as Spring Data REST does with a
	 * {@code HttpClientErrorException} 404 for an unknown profile: then no downstream
	 * failed. Told by the frame that created it; one without a stack trace counts as a
	 * client's.
	 */
	private static boolean isRaisedByOtherSpringCode(RestClientResponseException ex) {
		for (StackTraceElement frame : ex.getStackTrace()) {
			String className = frame.getClassName();
			if (className.startsWith(CLIENT_PACKAGE) && className.endsWith("Exception")) {
				continue;
			}
			return className.startsWith("org.springframework.") && !className.startsWith(CLIENT_PACKAGE)
					&& !className.startsWith("org.springframework.web.service.");
		}
		return false;
	}

	private static MappedError mapResponse(RestClientResponseException response) {
		return DownstreamFailures.byStatus(response.getStatusCode().value(), response.getResponseHeaders());
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
