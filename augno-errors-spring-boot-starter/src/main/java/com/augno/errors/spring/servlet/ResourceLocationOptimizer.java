package com.augno.errors.spring.servlet;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.context.support.ServletContextResource;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Switches on Spring's {@link ResourceHttpRequestHandler#setOptimizeLocations location
 * check at startup} for the static resource handlers Spring Boot registers, so that a
 * location that does not exist (for an API, usually all four of Boot's default class path
 * locations) is dropped once instead of being searched, through every jar of the class
 * path, on every request for an unknown URL: the requests of a 404 scanner.
 * <p>
 * Only handlers whose locations are all on the class path or in the servlet context are
 * changed, as neither gains a new directory while the application runs; a handler that
 * already decided, or that serves from the file system, is left alone.
 *
 * @since 0.1.0
 */
public final class ResourceLocationOptimizer implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractUrlHandlerMapping mapping) {
			for (Object handler : mapping.getHandlerMap().values()) {
				if (handler instanceof ResourceHttpRequestHandler resources) {
					optimize(resources, beanName);
				}
			}
		}
		return bean;
	}

	private static void optimize(ResourceHttpRequestHandler handler, String beanName) {
		if (handler.isOptimizeLocations() || handler.getLocations().isEmpty()
				|| !handler.getLocations().stream().allMatch(ResourceLocationOptimizer::isFixed)) {
			return;
		}
		handler.setOptimizeLocations(true);
		try {
			handler.afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new BeanInitializationException("Could not check the resource locations of " + beanName, ex);
		}
	}

	private static boolean isFixed(Resource location) {
		return location instanceof ClassPathResource || location instanceof ServletContextResource;
	}

}
