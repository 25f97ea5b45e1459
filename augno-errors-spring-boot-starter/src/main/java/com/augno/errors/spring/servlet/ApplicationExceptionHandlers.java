package com.augno.errors.spring.servlet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.augno.errors.spring.mapping.Causes;
import org.jspecify.annotations.Nullable;

import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * Tells whether the application has an {@code @ExceptionHandler} for an exception: one in
 * the controller that threw it, or in a {@code @ControllerAdvice} that applies to that
 * controller, other than the starter's own advice. Spring MVC's
 * {@link ExceptionHandlerExceptionResolver} answers such an exception with the
 * application's handler; every other one the starter answers without it.
 * <p>
 * It asks the same resolvers Spring MVC asks, by exception type and cause, for any media
 * type: where in doubt, the exception goes to Spring MVC's resolution. The one exception:
 * a cause chain longer than {@value #MAX_CAUSE_DEPTH} links, as a chain that loops back
 * on itself is, is never handed to Spring MVC, whose resolution follows the causes
 * recursively until none is left and would overflow the stack on a loop; the starter
 * answers it.
 *
 * @since 0.1.0
 */
final class ApplicationExceptionHandlers {

	private static final int MAX_CAUSE_DEPTH = 64;

	private final ExceptionHandlerExceptionResolver exceptionHandlers;

	private final Map<Class<?>, ExceptionHandlerMethodResolver> controllerHandlers = new ConcurrentHashMap<>();

	/**
	 * Create a view of the application's exception handlers.
	 * @param exceptionHandlers Spring MVC's resolver of {@code @ExceptionHandler}
	 * methods, initialized
	 */
	ApplicationExceptionHandlers(ExceptionHandlerExceptionResolver exceptionHandlers) {
		this.exceptionHandlers = exceptionHandlers;
	}

	/**
	 * Return whether an application handler claims an exception.
	 * @param handler the handler that was executing, or {@code null}
	 * @param exception the exception
	 * @return whether an {@code @ExceptionHandler} of the application handles it
	 */
	boolean handle(@Nullable Object handler, Exception exception) {
		if (!Causes.ends(exception, MAX_CAUSE_DEPTH)) {
			return false;
		}
		Class<?> handlerType = null;
		if (handler instanceof HandlerMethod handlerMethod) {
			handlerType = handlerMethod.getBeanType();
			ExceptionHandlerMethodResolver own = this.controllerHandlers.computeIfAbsent(handlerType,
					ExceptionHandlerMethodResolver::new);
			if (own.hasExceptionMappings() && own.resolveMethodByThrowable(exception) != null) {
				return true;
			}
		}
		for (Map.Entry<ControllerAdviceBean, ExceptionHandlerMethodResolver> advice : this.exceptionHandlers
			.getExceptionHandlerAdviceCache()
			.entrySet()) {
			if (advice.getKey().getBeanType() != AugnoErrorsExceptionHandler.class
					&& advice.getKey().isApplicableToBeanType(handlerType)
					&& advice.getValue().resolveMethodByThrowable(exception) != null) {
				return true;
			}
		}
		return false;
	}

}
