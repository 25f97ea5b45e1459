package com.augno.errors.spring.resilience4j;

import java.time.Duration;

import com.augno.errors.ErrorCodes;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import org.jspecify.annotations.Nullable;

/**
 * Maps a call refused by a rate limiter ({@link RequestNotPermitted}) to
 * {@code rate_limit_exceeded} with a {@code Retry-After} header. The exception names
 * neither the limiter nor when a permit frees up, so the delay is configured
 * ({@code augno.errors.resilience4j.rate-limit-retry-after}); set it to the limiters'
 * refresh period.
 *
 * @since 0.1.0
 */
public final class RateLimiterExceptionMapper implements ExceptionMapper {

	private final MappedError rateLimitExceeded;

	/**
	 * Create a mapper.
	 * @param retryAfter the delay sent as {@code Retry-After}
	 */
	public RateLimiterExceptionMapper(Duration retryAfter) {
		this.rateLimitExceeded = MappedError.of(ErrorCodes.RATE_LIMIT_EXCEEDED).withRetryAfter(retryAfter);
	}

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		return (throwable instanceof RequestNotPermitted) ? this.rateLimitExceeded : null;
	}

	@Override
	public int getOrder() {
		return CircuitBreakerExceptionMapper.ORDER;
	}

}
