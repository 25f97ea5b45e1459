package com.augno.errors.spring.resilience4j;

import com.augno.errors.ErrorCodes;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import org.jspecify.annotations.Nullable;

/**
 * Maps a call refused by a full bulkhead ({@link BulkheadFullException}) to
 * {@code service_unavailable}: this service is at its concurrency limit for the
 * dependency, which is its own capacity, not the caller's quota.
 *
 * @since 0.1.0
 */
public final class BulkheadExceptionMapper implements ExceptionMapper {

	private static final MappedError SERVICE_UNAVAILABLE = MappedError.of(ErrorCodes.SERVICE_UNAVAILABLE);

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		return (throwable instanceof BulkheadFullException) ? SERVICE_UNAVAILABLE : null;
	}

	@Override
	public int getOrder() {
		return CircuitBreakerExceptionMapper.ORDER;
	}

}
