package com.augno.errors.spring.client;

import java.util.concurrent.TimeoutException;

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
 * without {@link WebClientDownstreamErrorHandler}): {@code service_unavailable} for a 503
 * or 429, else {@code external_service_error};</li>
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

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (throwable instanceof TimeoutException) {
			return DownstreamFailures.TIMEOUT;
		}
		if (!(throwable instanceof WebClientException)) {
			return null;
		}
		if (throwable instanceof WebClientResponseException response) {
			return DownstreamFailures.byStatus(response.getStatusCode().value(), response.getHeaders());
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
