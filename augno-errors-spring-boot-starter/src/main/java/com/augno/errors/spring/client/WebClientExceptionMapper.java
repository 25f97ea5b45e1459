package com.augno.errors.spring.client;

import java.util.Set;
import java.util.concurrent.TimeoutException;

import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Maps a failed {@code WebClient} call as {@link RestClientExceptionMapper} maps a failed
 * {@code RestClient} call, with the same rules and codes:
 * <ul>
 * <li>a {@link WebClientRequestException} (no answer: refused, unknown host, connect or
 * response timeout) by its causes: {@code timeout} or {@code connection_error}, else
 * {@code external_service_error};</li>
 * <li>a {@link WebClientResponseException} (a downstream error status, from a client
 * without {@link WebClientDownstreamErrorHandler}): the downstream's own code when it is
 * one of {@code augno.errors.client.pass-through-codes} and the body is an envelope, else
 * {@code service_unavailable} for a 503 or 429, else {@code external_service_error};</li>
 * <li>a {@link TimeoutException}, which Reactor's {@code timeout(...)} operator raises
 * around a call that took too long: {@code timeout};</li>
 * <li>any other {@link WebClientException}: {@code external_service_error}.</li>
 * </ul>
 * A client with {@link WebClientDownstreamErrorHandler} raises a
 * {@link DownstreamErrorException} instead, which {@link RestClientExceptionMapper}
 * answers, passing codes through as it does for {@code RestClient}.
 *
 * @since 0.1.0
 */
public final class WebClientExceptionMapper implements ExceptionMapper {

	/**
	 * Order of this mapper: right after {@link RestClientExceptionMapper}.
	 */
	public static final int ORDER = RestClientExceptionMapper.ORDER + 1;

	private final DownstreamPassThrough passThrough;

	/**
	 * Create a mapper that passes no downstream code through.
	 */
	public WebClientExceptionMapper() {
		this(null, Set.of(), new DownstreamErrorReader());
	}

	/**
	 * Create a mapper that passes downstream codes through.
	 * @param registry this service's codes; a downstream code it does not know is never
	 * passed through
	 * @param passThroughCodes the downstream codes this service answers with as its own
	 * @param reader reads the body of a {@link WebClientResponseException}, when a code
	 * is passed through
	 */
	public WebClientExceptionMapper(@Nullable ErrorRegistry registry, Set<String> passThroughCodes,
			DownstreamErrorReader reader) {
		this.passThrough = new DownstreamPassThrough(registry, passThroughCodes, reader);
	}

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (throwable instanceof TimeoutException) {
			return DownstreamFailures.TIMEOUT;
		}
		if (!(throwable instanceof WebClientException)) {
			return null;
		}
		if (throwable instanceof WebClientResponseException response) {
			MappedError passed = this.passThrough.map(response.getStatusCode().value(), response.getHeaders(),
					response.getResponseBodyAsByteArray());
			return (passed != null) ? passed
					: DownstreamFailures.byStatus(response.getStatusCode().value(), response.getHeaders());
		}
		if (throwable instanceof WebClientRequestException) {
			return DownstreamFailures.byCause(throwable.getCause());
		}
		return DownstreamFailures.EXTERNAL_SERVICE_ERROR;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
