package com.augno.errors.spring.servlet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import com.augno.errors.AugnoException;
import com.augno.errors.spring.mapping.Causes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.handler.HandlerExceptionResolverComposite;
import org.springframework.web.servlet.mvc.annotation.ResponseStatusExceptionResolver;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

/**
 * The application's own {@link HandlerExceptionResolver} beans that Spring MVC asks after
 * its own resolvers: a {@code SimpleMappingExceptionResolver} mapping exceptions to
 * views, a resolver of the application's with an {@code @Order}. Without the starter they
 * answer every exception that Spring MVC's status resolvers leave; the starter answers in
 * Spring MVC's place, so it asks them first about such an exception, in the
 * {@code DispatcherServlet}'s order, and answers only what they leave. The exceptions
 * Spring MVC's {@link ResponseStatusExceptionResolver} and
 * {@link DefaultHandlerExceptionResolver} answer never reached them, and still do not.
 */
final class ApplicationExceptionResolvers {

	private static final int MAX_CAUSE_DEPTH = 64;

	private final Supplier<? extends Collection<HandlerExceptionResolver>> beans;

	private volatile @Nullable List<HandlerExceptionResolver> later;

	/**
	 * Create the view.
	 * @param beans every {@link HandlerExceptionResolver} bean, in the order the
	 * {@code DispatcherServlet} asks them; asked once, on the first exception
	 */
	ApplicationExceptionResolvers(Supplier<? extends Collection<HandlerExceptionResolver>> beans) {
		this.beans = beans;
	}

	/**
	 * Return the answer of the first of the application's resolvers ordered after Spring
	 * MVC's that answers an exception Spring MVC's own resolvers would leave to them.
	 * @param member the starter's resolver asking, a member of Spring MVC's composite
	 * @param request the request
	 * @param response the response
	 * @param handler the handler that was executing, or {@code null}
	 * @param ex the exception
	 * @return the answer, or {@code null} when none answers or none may be asked
	 */
	@Nullable ModelAndView resolve(HandlerExceptionResolver member, HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		List<HandlerExceptionResolver> resolvers = later(member);
		if (resolvers.isEmpty() || !Causes.ends(ex, MAX_CAUSE_DEPTH) || answeredBySpring(ex)) {
			return null;
		}
		for (HandlerExceptionResolver resolver : resolvers) {
			ModelAndView answer = resolver.resolveException(request, response, handler, ex);
			if (answer != null) {
				return answer;
			}
		}
		return null;
	}

	private List<HandlerExceptionResolver> later(HandlerExceptionResolver member) {
		List<HandlerExceptionResolver> found = this.later;
		if (found == null) {
			found = after(member, this.beans.get());
			this.later = found;
		}
		return found;
	}

	/**
	 * Return the resolvers after Spring MVC's composite that holds the starter's: none
	 * when no composite holds it (a list the application built itself).
	 */
	private static List<HandlerExceptionResolver> after(HandlerExceptionResolver member,
			Collection<HandlerExceptionResolver> ordered) {
		List<HandlerExceptionResolver> after = null;
		for (HandlerExceptionResolver resolver : ordered) {
			if (after != null && !(resolver instanceof AugnoHandlerExceptionResolver)) {
				after.add(resolver);
			}
			else if (resolver instanceof HandlerExceptionResolverComposite composite
					&& composite.getExceptionResolvers().stream().anyMatch((each) -> each == member)) {
				after = new ArrayList<>();
			}
		}
		return (after != null) ? List.copyOf(after) : List.of();
	}

	/**
	 * Return whether Spring MVC's status resolvers, which come before the application's,
	 * answer an exception: any {@link ErrorResponse}, the binding and conversion failures
	 * of its {@link DefaultHandlerExceptionResolver}, and an exception annotated with
	 * {@link ResponseStatus} or caused by one, or by a {@link ResponseStatusException}.
	 * An {@link AugnoException} counts as one: it is the service's chosen answer, as a
	 * {@code ResponseStatusException} is, and a resolver ordered after Spring MVC's (an
	 * error reporter's, such as Sentry's, which reports what is left unanswered) would
	 * take it for a crash.
	 */
	private static boolean answeredBySpring(Exception ex) {
		if (ex instanceof AugnoException || ex instanceof ErrorResponse || ex instanceof ConversionNotSupportedException
				|| ex instanceof TypeMismatchException || ex instanceof HttpMessageNotReadableException
				|| ex instanceof HttpMessageNotWritableException || ex instanceof MethodValidationException
				|| ex instanceof AsyncRequestNotUsableException) {
			return true;
		}
		// The status resolver looks down the causes while they are exceptions (the chain
		// is known to end).
		for (Throwable link = ex; link instanceof Exception; link = link.getCause()) {
			if (link instanceof ResponseStatusException
					|| AnnotatedElementUtils.findMergedAnnotation(link.getClass(), ResponseStatus.class) != null) {
				return true;
			}
		}
		return false;
	}

}
