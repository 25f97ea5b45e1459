package com.augno.errors.spring.servlet;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * Warns once at startup about each {@code @ExceptionHandler} of the application, in a
 * {@code @ControllerAdvice} or a controller, that handles {@link Throwable},
 * {@link Exception} or {@link RuntimeException}: Spring MVC gives it every exception
 * before the starter sees one, so malformed JSON, unknown URLs, validation failures and
 * {@code AugnoException}s get the application's answer rather than the envelope, and
 * nothing says so.
 *
 * @since 0.1.0
 */
public final class CatchAllExceptionHandlerWarning implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(CatchAllExceptionHandlerWarning.class);

	private static final List<Class<? extends Throwable>> CATCH_ALL_TYPES = List.of(Throwable.class, Exception.class,
			RuntimeException.class);

	private final ApplicationContext context;

	/**
	 * Create the check.
	 * @param context the application context whose advice and controllers are checked
	 */
	public CatchAllExceptionHandlerWarning(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!logger.isWarnEnabled()) {
			return;
		}
		Set<Class<?>> checked = new HashSet<>();
		checked.add(AugnoErrorsExceptionHandler.class);
		checked.add(AugnoErrorController.class);
		for (ControllerAdviceBean advice : ControllerAdviceBean.findAnnotatedBeans(this.context)) {
			if (advice.getBeanType() != null) {
				warn(checked, advice.getBeanType(),
						" (malformed JSON, unknown URLs, validation failures, AugnoException, ...)");
			}
		}
		for (String name : this.context.getBeanNamesForAnnotation(Controller.class)) {
			Class<?> type = this.context.getType(name);
			if (type != null) {
				warn(checked, type, " in the requests of its own controller (malformed JSON, validation failures, "
						+ "AugnoException, ...)");
			}
		}
	}

	private static void warn(Set<Class<?>> checked, Class<?> beanType, String scope) {
		Class<?> userType = ClassUtils.getUserClass(beanType);
		if (!checked.add(userType)) {
			return;
		}
		ExceptionHandlerMethodResolver resolver = new ExceptionHandlerMethodResolver(userType);
		if (!resolver.hasExceptionMappings()) {
			return;
		}
		Map<Method, Class<? extends Throwable>> catchAlls = new LinkedHashMap<>();
		for (Class<? extends Throwable> type : CATCH_ALL_TYPES) {
			Method method = resolver.resolveMethodByExceptionType(type);
			if (method != null) {
				catchAlls.putIfAbsent(method, type);
			}
		}
		catchAlls.forEach((method,
				type) -> logger.warn(describe(method) + " handles " + type.getName()
						+ ": the Augno envelope will not be written for the exceptions it catches" + scope
						+ ". Handle the application's own exception types there to let augno-errors answer the rest."));
	}

	private static String describe(Method method) {
		return ClassUtils.getUserClass(method.getDeclaringClass()).getName() + "#" + method.getName() + "("
				+ Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
				+ ")";
	}

}
