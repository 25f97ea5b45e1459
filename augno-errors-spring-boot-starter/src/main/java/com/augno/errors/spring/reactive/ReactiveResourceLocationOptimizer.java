package com.augno.errors.spring.reactive;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.reactive.handler.AbstractUrlHandlerMapping;
import org.springframework.web.reactive.resource.ResourceWebHandler;

/**
 * Switches on Spring WebFlux's {@link ResourceWebHandler#setOptimizeLocations location
 * check at startup} for the static resource handlers Spring Boot registers, so that a
 * location that does not exist (for an API, usually all four of Boot's default class path
 * locations) is dropped once instead of being searched, through every jar of the class
 * path, on every request for an unknown URL: the requests of a 404 scanner. The WebFlux
 * counterpart of the servlet stack's {@code ResourceLocationOptimizer}.
 * <p>
 * Only handlers whose locations are all on the class path are changed, as the class path
 * gains no new directory while the application runs; a handler that already decided, or
 * that serves from the file system, is left alone.
 *
 * @since 0.1.0
 */
public final class ReactiveResourceLocationOptimizer implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractUrlHandlerMapping mapping) {
			for (Object handler : mapping.getHandlerMap().values()) {
				if (handler instanceof ResourceWebHandler resources) {
					optimize(resources, beanName);
				}
			}
		}
		return bean;
	}

	private static void optimize(ResourceWebHandler handler, String beanName) {
		if (handler.isOptimizeLocations() || handler.getLocations().isEmpty()
				|| !handler.getLocations().stream().allMatch(ClassPathResource.class::isInstance)) {
			return;
		}
		handler.setOptimizeLocations(true);
		try {
			// Resolves the locations again, keeping those that exist.
			handler.afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new BeanInitializationException("Could not check the resource locations of " + beanName, ex);
		}
	}

}
