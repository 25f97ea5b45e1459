package com.augno.errors.spring.client;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import com.augno.errors.ErrorCodes;
import com.augno.errors.spring.mapping.Causes;
import com.augno.errors.spring.mapping.MappedError;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The answer to a failed downstream call, shared by the mappers of the blocking
 * ({@code RestClient}) and the reactive ({@code WebClient}) clients so that both stacks
 * answer the same failure alike: a downstream status by {@link #byStatus}, a failure
 * before any status by the causes it carries ({@link #byCause}).
 */
final class DownstreamFailures {

	static final MappedError TIMEOUT = MappedError.of(ErrorCodes.TIMEOUT);

	static final MappedError CONNECTION_ERROR = MappedError.of(ErrorCodes.CONNECTION_ERROR);

	static final MappedError SERVICE_UNAVAILABLE = MappedError.of(ErrorCodes.SERVICE_UNAVAILABLE);

	static final MappedError EXTERNAL_SERVICE_ERROR = MappedError.of(ErrorCodes.EXTERNAL_SERVICE_ERROR);

	private static final int MAX_CAUSE_DEPTH = 8;

	// A downstream asking for more than a day is not a hint worth passing on.
	private static final long MAX_RETRY_AFTER_SECONDS = Duration.ofDays(1).toSeconds();

	// Netty's read and write timeouts (Reactor Netty's responseTimeout raises the first),
	// named so that Netty stays optional.
	private static final String NETTY_TIMEOUT = "io.netty.handler.timeout.TimeoutException";

	private DownstreamFailures() {
	}

	/**
	 * Answer a failure that happened before the downstream answered, by the first cause
	 * that says what went wrong: a timeout is {@code timeout}, a refused, unreachable or
	 * unknown host is {@code connection_error}, anything else
	 * {@code external_service_error}.
	 * @param cause the first cause of the client's exception, or {@code null}
	 * @return the answer
	 */
	static MappedError byCause(@Nullable Throwable cause) {
		MappedError byCause = Causes.first(cause, MAX_CAUSE_DEPTH, DownstreamFailures::mapCause);
		return (byCause != null) ? byCause : EXTERNAL_SERVICE_ERROR;
	}

	/**
	 * Answer a downstream error status: a 503 or 429 is {@code service_unavailable}, with
	 * the downstream's {@code Retry-After} when it is a number of seconds, any other
	 * {@code external_service_error}.
	 * @param status the downstream's status
	 * @param headers the downstream's response headers, or {@code null}
	 * @return the answer
	 */
	static MappedError byStatus(int status, @Nullable HttpHeaders headers) {
		if (status != HttpStatus.SERVICE_UNAVAILABLE.value() && status != HttpStatus.TOO_MANY_REQUESTS.value()) {
			return EXTERNAL_SERVICE_ERROR;
		}
		Duration retryAfter = retryAfter(headers);
		return (retryAfter != null) ? SERVICE_UNAVAILABLE.withRetryAfter(retryAfter) : SERVICE_UNAVAILABLE;
	}

	private static @Nullable MappedError mapCause(Throwable cause) {
		if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException
				|| cause instanceof TimeoutException || isNettyTimeout(cause.getClass())) {
			return TIMEOUT;
		}
		if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
				|| cause instanceof UnknownHostException) {
			return CONNECTION_ERROR;
		}
		return null;
	}

	private static boolean isNettyTimeout(Class<?> type) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (NETTY_TIMEOUT.equals(candidate.getName())) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Duration retryAfter(@Nullable HttpHeaders headers) {
		String value = (headers != null) ? headers.getFirst(HttpHeaders.RETRY_AFTER) : null;
		if (value == null || value.isEmpty() || value.length() > 6 || !value.chars().allMatch(Character::isDigit)) {
			return null;
		}
		long seconds = Long.parseLong(value);
		return (seconds <= MAX_RETRY_AFTER_SECONDS) ? Duration.ofSeconds(seconds) : null;
	}

}
