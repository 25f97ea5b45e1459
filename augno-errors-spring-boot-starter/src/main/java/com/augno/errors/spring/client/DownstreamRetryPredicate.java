package com.augno.errors.spring.client;

import java.lang.reflect.Method;

import org.springframework.resilience.retry.MethodRetryPredicate;

/**
 * The retry decision of {@link DownstreamRetryPolicy} for Spring's {@code @Retryable}:
 * {@code @Retryable(predicate = DownstreamRetryPredicate.class, maxRetries = 2)} retries
 * only transient downstream errors and connection failures, and never a non-idempotent
 * request without an {@code Idempotency-Key}. The annotation's own delay, multiplier and
 * jitter decide the wait: {@code @Retryable} has no hook for {@code Retry-After}, which
 * only a {@code RetryTemplate} with {@link DownstreamRetryPolicy} honours.
 *
 * @since 0.1.0
 */
public final class DownstreamRetryPredicate implements MethodRetryPredicate {

	@Override
	public boolean shouldRetry(Method method, Throwable throwable) {
		return DownstreamRetryPolicy.isRetryable(throwable);
	}

}
