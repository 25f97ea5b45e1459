package com.augno.errors.spring.resilience4j;

import com.augno.errors.ErrorCodes;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.jspecify.annotations.Nullable;

/**
 * Maps a call refused by an open circuit breaker ({@link CallNotPermittedException}) to
 * {@code service_unavailable}: the dependency behind the circuit is failing, and this
 * service will try it again once the circuit half-opens. The breaker's name is not
 * disclosed.
 *
 * @since 0.1.0
 */
public final class CircuitBreakerExceptionMapper implements ExceptionMapper {

	/**
	 * Order of the Resilience4j mappers: after the mappers of Spring MVC's own exceptions
	 * and well before {@link ExceptionMapper#ERROR_RESPONSE_ORDER}.
	 */
	public static final int ORDER = SPRING_MVC_ORDER + 3000;

	private static final MappedError SERVICE_UNAVAILABLE = MappedError.of(ErrorCodes.SERVICE_UNAVAILABLE);

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		return (throwable instanceof CallNotPermittedException) ? SERVICE_UNAVAILABLE : null;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
