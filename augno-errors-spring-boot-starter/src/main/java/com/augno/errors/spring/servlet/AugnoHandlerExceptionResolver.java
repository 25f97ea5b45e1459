package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * Answers, with the envelope, the exceptions a handler throws that the application has no
 * {@code @ExceptionHandler} for: the service's {@code AugnoException}s, Spring MVC's own
 * exceptions, exceptions annotated with {@code @ResponseStatus}, unknown failures.
 * <p>
 * {@link #insertInto} places it twice in Spring MVC's list of exception resolvers: before
 * the {@link ExceptionHandlerExceptionResolver}, where it leaves every exception an
 * application handler claims to that resolver (see {@link ApplicationExceptionHandlers}),
 * and right after it, where it answers whatever is left before Spring's status-based
 * resolvers would answer with {@code sendError}. An exception those resolvers would leave
 * to the application's own resolver beans (see {@link ApplicationExceptionResolvers}) is
 * theirs first. A plain resolver rather than {@code @ExceptionHandler} methods: Spring
 * builds no handler method, resolves no arguments and makes no reflective call for each
 * error, which is a large part of what answering an exception costs. For a browser of an
 * application with error pages it returns the page for Spring MVC to render; outside
 * {@code augno.errors.paths} it answers nothing, leaving the exception to Spring MVC and
 * Spring Boot.
 *
 * @since 0.1.0
 */
public final class AugnoHandlerExceptionResolver implements HandlerExceptionResolver {

	private static final Log logger = LogFactory.getLog(AugnoHandlerExceptionResolver.class);

	private static final @Nullable Class<?> SHIRO_UNAUTHENTICATED = shiroUnauthenticated();

	private final ErrorResponseHandler handler;

	private final @Nullable ApplicationExceptionHandlers applicationHandlers;

	private final ApplicationExceptionResolvers applicationResolvers;

	private AugnoHandlerExceptionResolver(ErrorResponseHandler handler,
			@Nullable ApplicationExceptionHandlers applicationHandlers,
			ApplicationExceptionResolvers applicationResolvers) {
		this.handler = handler;
		this.applicationHandlers = applicationHandlers;
		this.applicationResolvers = applicationResolvers;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!this.handler.getDecision().isEnveloped(request)
				|| (this.applicationHandlers != null && this.applicationHandlers.handle(handler, ex))
				|| isTranslatedUpstream(request, ex) || isFilterChallenge(ex)) {
			return null;
		}
		ModelAndView applications = this.applicationResolvers.resolve(this, request, response, handler, ex);
		if (applications != null) {
			return applications;
		}
		try {
			ModelAndView page = this.handler.render(request, response, ex);
			if (page != null) {
				return page;
			}
		}
		catch (IOException writeFailure) {
			if (logger.isDebugEnabled()) {
				logger.debug("Could not write the error response for " + ex.getClass().getName(), writeFailure);
			}
		}
		return new ModelAndView();
	}

	/**
	 * Whether a filter around Spring MVC translates this exception itself (see
	 * {@link ErrorResponseHandler#UPSTREAM_TRANSLATION_ATTRIBUTE}): a
	 * {@code @PreAuthorize} denial of a caller not signed in then gets the mechanism's
	 * challenge.
	 */
	@SuppressWarnings("unchecked")
	private static boolean isTranslatedUpstream(HttpServletRequest request, Exception ex) {
		return request
			.getAttribute(ErrorResponseHandler.UPSTREAM_TRANSLATION_ATTRIBUTE) instanceof Predicate<?> translates
				&& ((Predicate<Throwable>) translates).test(ex);
	}

	/**
	 * Whether this is an exception a filter around Spring MVC answers with its challenge
	 * when it propagates: Apache Shiro's {@code UnauthenticatedException}, which Shiro's
	 * authenticating filters ({@code authcBasic[permissive]}, {@code authc[permissive]})
	 * turn into a 401 with {@code WWW-Authenticate} or a redirect to the login page. An
	 * exception no filter claims reaches the request id filter, which answers it as it
	 * answers any exception of a filter.
	 */
	private static boolean isFilterChallenge(Exception ex) {
		return SHIRO_UNAUTHENTICATED != null && SHIRO_UNAUTHENTICATED.isInstance(ex);
	}

	private static @Nullable Class<?> shiroUnauthenticated() {
		String name = "org.apache.shiro.authz.UnauthenticatedException";
		ClassLoader classLoader = AugnoHandlerExceptionResolver.class.getClassLoader();
		return ClassUtils.isPresent(name, classLoader) ? ClassUtils.resolveClassName(name, classLoader) : null;
	}

	/**
	 * Insert the starter's resolvers into Spring MVC's list of exception resolvers:
	 * around the last {@link ExceptionHandlerExceptionResolver}, or last if the list has
	 * none.
	 * @param resolvers the list Spring MVC configured, its resolvers initialized
	 * @param handler answers the failures
	 * @param beans every {@link HandlerExceptionResolver} bean in the order the
	 * {@code DispatcherServlet} asks them, asked on the first exception: the
	 * application's own after Spring MVC's are asked before the starter answers an
	 * exception that Spring MVC's status resolvers would leave to them
	 */
	public static void insertInto(List<HandlerExceptionResolver> resolvers, ErrorResponseHandler handler,
			Supplier<? extends Collection<HandlerExceptionResolver>> beans) {
		ApplicationExceptionResolvers applicationResolvers = new ApplicationExceptionResolvers(beans);
		for (int i = resolvers.size() - 1; i >= 0; i--) {
			if (resolvers.get(i) instanceof ExceptionHandlerExceptionResolver exceptionHandlers) {
				resolvers.add(i + 1, new AugnoHandlerExceptionResolver(handler, null, applicationResolvers));
				resolvers.add(i, new AugnoHandlerExceptionResolver(handler,
						ApplicationExceptionHandlers.of(exceptionHandlers), applicationResolvers));
				return;
			}
		}
		resolvers.add(new AugnoHandlerExceptionResolver(handler, null, applicationResolvers));
	}

}
