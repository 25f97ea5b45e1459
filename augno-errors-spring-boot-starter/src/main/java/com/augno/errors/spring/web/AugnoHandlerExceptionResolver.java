package com.augno.errors.spring.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * Answers, with the envelope, every exception a handler throws that no
 * {@code @ExceptionHandler} claimed: the service's {@code AugnoException}s, exceptions
 * annotated with {@code @ResponseStatus}, and unknown failures.
 * <p>
 * It runs right after Spring MVC's {@link ExceptionHandlerExceptionResolver} (see
 * {@link #insertInto}), so the application's own {@code @ExceptionHandler}s keep
 * priority, and before Spring's status-based resolvers, which would answer with
 * {@code sendError}. A plain resolver rather than an
 * {@code @ExceptionHandler(Exception.class)} method: Spring builds no handler method,
 * resolves no arguments and makes no reflective call for each error, which is most of
 * what answering a thrown exception costs.
 *
 * @since 0.1.0
 */
public final class AugnoHandlerExceptionResolver implements HandlerExceptionResolver {

	private static final Log logger = LogFactory.getLog(AugnoHandlerExceptionResolver.class);

	private final ErrorResponseHandler handler;

	/**
	 * Create the resolver.
	 * @param handler answers the failures
	 */
	public AugnoHandlerExceptionResolver(ErrorResponseHandler handler) {
		this.handler = handler;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		try {
			this.handler.handle(request, response, ex);
		}
		catch (IOException writeFailure) {
			if (logger.isDebugEnabled()) {
				logger.debug("Could not write the error response for " + ex.getClass().getName(), writeFailure);
			}
		}
		return new ModelAndView();
	}

	/**
	 * Insert this resolver into Spring MVC's list of exception resolvers, right after the
	 * last {@link ExceptionHandlerExceptionResolver}, or last if the application's list
	 * has none.
	 * @param resolvers the list Spring MVC configured
	 */
	public void insertInto(List<HandlerExceptionResolver> resolvers) {
		int position = resolvers.size();
		for (int i = resolvers.size() - 1; i >= 0; i--) {
			if (resolvers.get(i) instanceof ExceptionHandlerExceptionResolver) {
				position = i + 1;
				break;
			}
		}
		resolvers.add(position, this);
	}

}
