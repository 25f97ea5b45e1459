package com.augno.errors.spring.resilience4j;

import java.util.concurrent.TimeoutException;

import com.augno.errors.ErrorCodes;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import org.jspecify.annotations.Nullable;

/**
 * Maps the {@link TimeoutException} with which a Resilience4j {@code TimeLimiter}
 * abandons a call to {@code timeout}. The limiter raises a plain
 * {@code java.util.concurrent.TimeoutException} that nothing tells apart from any other,
 * so every such exception that reaches the web layer is mapped: each is an operation that
 * ran out of time.
 *
 * @since 0.1.0
 */
public final class TimeLimiterExceptionMapper implements ExceptionMapper {

	private static final MappedError TIMEOUT = MappedError.of(ErrorCodes.TIMEOUT);

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		return (throwable instanceof TimeoutException) ? TIMEOUT : null;
	}

	@Override
	public int getOrder() {
		return CircuitBreakerExceptionMapper.ORDER;
	}

}
