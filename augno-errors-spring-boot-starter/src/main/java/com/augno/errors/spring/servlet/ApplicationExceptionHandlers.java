package com.augno.errors.spring.servlet;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

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
 * application's handler; every other one the starter answers without it. The resolver
 * asks it of each exception thrown, the OpenAPI document of each exception type a code
 * comes from.
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
public final class ApplicationExceptionHandlers {

	private static final int MAX_CAUSE_DEPTH = 64;

	private final Supplier<Map<ControllerAdviceBean, ExceptionHandlerMethodResolver>> adviceHandlers;

	private final Map<Class<?>, ExceptionHandlerMethodResolver> controllerHandlers = new ConcurrentHashMap<>();

	private volatile @Nullable Map<ControllerAdviceBean, ExceptionHandlerMethodResolver> applicationAdvice;

	private ApplicationExceptionHandlers(
			Supplier<Map<ControllerAdviceBean, ExceptionHandlerMethodResolver>> adviceHandlers) {
		this.adviceHandlers = adviceHandlers;
	}

	/**
	 * Return a view of the handlers Spring MVC's resolver found.
	 * @param exceptionHandlers Spring MVC's resolver of {@code @ExceptionHandler}
	 * methods, initialized
	 * @return the view
	 */
	static ApplicationExceptionHandlers of(ExceptionHandlerExceptionResolver exceptionHandlers) {
		return new ApplicationExceptionHandlers(exceptionHandlers::getExceptionHandlerAdviceCache);
	}

	/**
	 * Return a view of the handlers of the given {@code @ControllerAdvice} beans, for
	 * code that has no Spring MVC resolver at hand.
	 * @param advice finds the {@code @ControllerAdvice} beans, asked once, on first use
	 * @return the view
	 */
	public static ApplicationExceptionHandlers of(Supplier<List<ControllerAdviceBean>> advice) {
		return new ApplicationExceptionHandlers(() -> {
			Map<ControllerAdviceBean, ExceptionHandlerMethodResolver> handlers = new LinkedHashMap<>();
			for (ControllerAdviceBean bean : advice.get()) {
				Class<?> beanType = bean.getBeanType();
				if (beanType != null) {
					handlers.put(bean, new ExceptionHandlerMethodResolver(beanType));
				}
			}
			return handlers;
		});
	}

	/**
	 * Return whether an application handler claims an exception thrown.
	 * @param handler the handler that was executing, or {@code null}
	 * @param exception the exception
	 * @return whether an {@code @ExceptionHandler} of the application handles it
	 */
	boolean handle(@Nullable Object handler, Exception exception) {
		if (!Causes.ends(exception, MAX_CAUSE_DEPTH)) {
			return false;
		}
		Class<?> handlerType = (handler instanceof HandlerMethod handlerMethod) ? handlerMethod.getBeanType() : null;
		return claims(handlerType, (resolver) -> resolver.resolveMethodByThrowable(exception));
	}

	/**
	 * Return whether an application handler claims every exception of a type.
	 * @param controllerType the controller's type, or {@code null} for a request no
	 * handler matched (a method the path does not have)
	 * @param exceptionType the exception type
	 * @return whether an {@code @ExceptionHandler} of the application handles it
	 */
	public boolean handles(@Nullable Class<?> controllerType, Class<? extends Throwable> exceptionType) {
		return claims(controllerType, (resolver) -> resolver.resolveMethodByExceptionType(exceptionType));
	}

	private boolean claims(@Nullable Class<?> controllerType,
			Function<ExceptionHandlerMethodResolver, @Nullable Method> lookup) {
		if (controllerType != null) {
			ExceptionHandlerMethodResolver own = this.controllerHandlers.computeIfAbsent(controllerType,
					ExceptionHandlerMethodResolver::new);
			if (own.hasExceptionMappings() && lookup.apply(own) != null) {
				return true;
			}
		}
		for (Map.Entry<ControllerAdviceBean, ExceptionHandlerMethodResolver> advice : applicationAdvice().entrySet()) {
			if (advice.getKey().getBeanType() != AugnoErrorsExceptionHandler.class
					&& advice.getKey().isApplicableToBeanType(controllerType)
					&& lookup.apply(advice.getValue()) != null) {
				return true;
			}
		}
		return false;
	}

	private Map<ControllerAdviceBean, ExceptionHandlerMethodResolver> applicationAdvice() {
		Map<ControllerAdviceBean, ExceptionHandlerMethodResolver> found = this.applicationAdvice;
		if (found == null) {
			found = this.adviceHandlers.get();
			this.applicationAdvice = found;
		}
		return found;
	}

}
