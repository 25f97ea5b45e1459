package com.augno.errors.spring.reactive;

import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webflux.autoconfigure.error.DefaultErrorWebExceptionHandler;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Spring Boot's own WebFlux error handling, which backs off for
 * {@link AugnoErrorWebExceptionHandler} and which that handler calls for what it leaves
 * to Boot: the failures of paths outside {@code augno.errors.paths}, and the
 * application's error pages for a browser. A failure the starter already logged (one
 * answered with a page) is not logged a second time.
 *
 * @since 0.1.0
 */
public final class BootErrorWebExceptionHandler extends DefaultErrorWebExceptionHandler {

	/**
	 * The exchange attribute that marks a failure the starter already logged.
	 */
	static final String LOGGED_ATTRIBUTE = BootErrorWebExceptionHandler.class.getName() + ".logged";

	/**
	 * Create the handler, as Spring Boot would.
	 * @param errorAttributes the error attributes
	 * @param resources the static resources, where error pages are looked up
	 * @param errorProperties Boot's {@code spring.web.error.*}
	 * @param context the application context
	 */
	public BootErrorWebExceptionHandler(ErrorAttributes errorAttributes, WebProperties.Resources resources,
			ErrorProperties errorProperties, ApplicationContext context) {
		super(errorAttributes, resources, errorProperties, context);
	}

	@Override
	protected void logError(ServerRequest request, ServerResponse response, Throwable throwable) {
		if (request.exchange().getAttribute(LOGGED_ATTRIBUTE) == null) {
			super.logError(request, response, throwable);
		}
	}

}
