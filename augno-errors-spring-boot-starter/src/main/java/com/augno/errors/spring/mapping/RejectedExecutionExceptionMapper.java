package com.augno.errors.spring.mapping;

import java.util.concurrent.RejectedExecutionException;

import com.augno.errors.ErrorCodes;
import org.jspecify.annotations.Nullable;

/**
 * Maps work this instance refused for want of capacity to {@code service_unavailable}
 * (503, transient): a {@link RejectedExecutionException}, which covers Spring's
 * {@code TaskRejectedException} (an executor's full queue or concurrency limit, for
 * {@code @Async} or a {@code Callable}'s task) and Spring Framework 7's
 * {@code InvocationRejectedException} ({@code @ConcurrencyLimit(policy = REJECT)}), as
 * well as an executor that is shutting down. Like a full Resilience4j bulkhead, it is
 * this service's own limit, not the caller's quota, and another try may succeed.
 *
 * @since 0.1.0
 */
public final class RejectedExecutionExceptionMapper implements ExceptionMapper {

	/**
	 * The mapper's order: after Spring MVC's exceptions, where no other built-in mapper
	 * claims a rejected execution.
	 */
	public static final int ORDER = SPRING_MVC_ORDER + 4000;

	private static final MappedError SERVICE_UNAVAILABLE = MappedError.of(ErrorCodes.SERVICE_UNAVAILABLE);

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		return (throwable instanceof RejectedExecutionException) ? SERVICE_UNAVAILABLE : null;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
