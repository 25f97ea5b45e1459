package com.augno.errors.spring.mapping;

import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;

/**
 * Turns one family of throwables into the error the client receives.
 * <p>
 * Mappers form an ordered chain (see {@link CompositeExceptionMapper}): the first mapper
 * that returns a non-null {@link MappedError} decides the answer, and a throwable no
 * mapper knows becomes {@code internal_error}. A mapper returns {@code null} for a
 * throwable that is not its concern; it must not throw. Declare a bean of this type to
 * join the chain; its {@link #getOrder() order} places it among the built-in mappers,
 * whose orders are the constants of this interface, so a mapper ordered before
 * {@link #AUGNO_EXCEPTION_ORDER} replaces the built-in answer for anything it maps.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ExceptionMapper extends Ordered {

	/**
	 * Order of the mapper that recognises client disconnects.
	 */
	int CLIENT_DISCONNECT_ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;

	/**
	 * Order of the mapper for {@code augno.errors.exceptions.*}.
	 */
	int CONFIGURED_ORDER = Ordered.HIGHEST_PRECEDENCE + 2000;

	/**
	 * Order of the mapper for {@link com.augno.errors.AugnoException}.
	 */
	int AUGNO_EXCEPTION_ORDER = Ordered.HIGHEST_PRECEDENCE + 3000;

	/**
	 * Order of the mappers for validation and request-body failures.
	 */
	int VALIDATION_ORDER = Ordered.HIGHEST_PRECEDENCE + 4000;

	/**
	 * Order of the mapper for Spring MVC's own exceptions.
	 */
	int SPRING_MVC_ORDER = Ordered.HIGHEST_PRECEDENCE + 5000;

	/**
	 * Order of the mapper for any remaining {@code ErrorResponse}, by its status.
	 */
	int ERROR_RESPONSE_ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

	/**
	 * Map a throwable.
	 * @param throwable the failure
	 * @return the error, or {@code null} if the throwable is not this mapper's concern
	 */
	@Nullable MappedError map(Throwable throwable);

	/**
	 * Return the position of this mapper in the chain; lower runs first.
	 * @return the order, by default after the built-in mappers
	 */
	@Override
	default int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
