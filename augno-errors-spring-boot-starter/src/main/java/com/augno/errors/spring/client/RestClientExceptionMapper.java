package com.augno.errors.spring.client;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.mapping.Causes;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Maps a failed downstream call ({@link RestClientException}, raised by
 * {@code RestClient}, {@code RestTemplate} and HTTP interface clients) so that the client
 * learns that a dependency failed, never which one: no downstream URL, host, status text
 * or body reaches the envelope.
 * <ul>
 * <li>a cause chain with {@link SocketTimeoutException} or {@link HttpTimeoutException}
 * (read or connect timeout, including {@code HttpConnectTimeoutException}):
 * {@code timeout};</li>
 * <li>a cause chain with {@link ConnectException}, {@link NoRouteToHostException} or
 * {@link UnknownHostException} (refused, unreachable, unknown host):
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
 * A {@link DownstreamErrorException} whose code is passed through, because the client
 * that made the call asked for it ({@link DownstreamErrorHandler#passingThrough}) or the
 * code is one of {@code augno.errors.client.pass-through-codes}, is answered with the
 * downstream's code instead, when the body was an envelope and this service's registry
 * knows the code: with the downstream's type, quota and {@code Retry-After}, its message
 * for a 4xx, and this service's own request id. The downstream's envelope is never
 * forwarded as it came. Runs at {@link #ORDER}: after
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

	private static final int MAX_CAUSE_DEPTH = 8;

	// A downstream asking for more than a day is not a hint worth passing on.
	private static final long MAX_RETRY_AFTER_SECONDS = Duration.ofDays(1).toSeconds();

	private static final MappedError TIMEOUT = MappedError.of(ErrorCodes.TIMEOUT);

	private static final MappedError CONNECTION_ERROR = MappedError.of(ErrorCodes.CONNECTION_ERROR);

	private static final MappedError SERVICE_UNAVAILABLE = MappedError.of(ErrorCodes.SERVICE_UNAVAILABLE);

	private static final MappedError EXTERNAL_SERVICE_ERROR = MappedError.of(ErrorCodes.EXTERNAL_SERVICE_ERROR);

	private final @Nullable ErrorRegistry registry;

	private final Set<String> passThroughCodes;

	/**
	 * Create a mapper that passes no downstream code through.
	 */
	public RestClientExceptionMapper() {
		this(null, Set.of());
	}

	/**
	 * Create a mapper that passes downstream codes through.
	 * @param registry this service's codes; a downstream code it does not know is never
	 * passed through
	 * @param passThroughCodes the downstream codes this service answers with as its own,
	 * in addition to those the calling client marks
	 */
	public RestClientExceptionMapper(@Nullable ErrorRegistry registry, Set<String> passThroughCodes) {
		this.registry = registry;
		this.passThroughCodes = Set.copyOf(passThroughCodes);
	}

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (!(throwable instanceof RestClientException)) {
			return null;
		}
		if (throwable instanceof DownstreamErrorException downstream) {
			MappedError passed = passThrough(downstream);
			if (passed != null) {
				return passed;
			}
		}
		if (throwable instanceof RestClientResponseException response) {
			return mapResponse(response);
		}
		MappedError byCause = Causes.first(throwable.getCause(), MAX_CAUSE_DEPTH, RestClientExceptionMapper::mapCause);
		return (byCause != null) ? byCause : EXTERNAL_SERVICE_ERROR;
	}

	private @Nullable MappedError passThrough(DownstreamErrorException downstream) {
		if (this.registry == null || !downstream.isEnvelope()
				|| !(downstream.isPassThrough() || this.passThroughCodes.contains(downstream.code()))) {
			return null;
		}
		ErrorCode code = this.registry.find(downstream.code());
		if (code == null) {
			return null;
		}
		MappedError mapped = MappedError.of(code);
		if (downstream.type() != null && downstream.type() != code.type()) {
			mapped = mapped.withType(downstream.type());
		}
		if (code.status() < 500 && downstream.errorMessage() != null) {
			mapped = mapped.withMessage(downstream.errorMessage());
		}
		if (downstream.quota() != null) {
			mapped = mapped.withQuota(downstream.quota());
		}
		Duration retryAfter = downstream.retryAfter();
		return (retryAfter != null && downstream.isTransient()) ? mapped.withRetryAfter(retryAfter) : mapped;
	}

	private static @Nullable MappedError mapCause(Throwable cause) {
		if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
			return TIMEOUT;
		}
		if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
				|| cause instanceof UnknownHostException) {
			return CONNECTION_ERROR;
		}
		return null;
	}

	private static MappedError mapResponse(RestClientResponseException response) {
		int status = response.getStatusCode().value();
		if (status != HttpStatus.SERVICE_UNAVAILABLE.value() && status != HttpStatus.TOO_MANY_REQUESTS.value()) {
			return EXTERNAL_SERVICE_ERROR;
		}
		Duration retryAfter = retryAfter(response.getResponseHeaders());
		return (retryAfter != null) ? SERVICE_UNAVAILABLE.withRetryAfter(retryAfter) : SERVICE_UNAVAILABLE;
	}

	private static @Nullable Duration retryAfter(@Nullable HttpHeaders headers) {
		String value = (headers != null) ? headers.getFirst(HttpHeaders.RETRY_AFTER) : null;
		if (value == null || value.isEmpty() || value.length() > 6 || !value.chars().allMatch(Character::isDigit)) {
			return null;
		}
		long seconds = Long.parseLong(value);
		return (seconds <= MAX_RETRY_AFTER_SECONDS) ? Duration.ofSeconds(seconds) : null;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
