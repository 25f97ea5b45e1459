package com.augno.errors.spring.servlet;

import io.micrometer.tracing.handler.TracingObservationHandler;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Tells whether Micrometer Tracing follows a request's observation (Spring Boot's own
 * tracing, with the OpenTelemetry or Brave bridge): its span then gets the failure from
 * the observation, and recording it on the current OpenTelemetry span as well would
 * record it twice on the same span. Loaded only when Micrometer Tracing is on the class
 * path.
 */
final class TracedObservations {

	private TracedObservations() {
	}

	/**
	 * Return whether a tracing handler follows the request's observation.
	 * @param request the request
	 * @return whether the observation has a span
	 */
	static boolean isTraced(HttpServletRequest request) {
		return ServerHttpObservationFilter.findObservationContext(request)
			.map((context) -> context.containsKey(TracingObservationHandler.TracingContext.class))
			.orElse(false);
	}

}
