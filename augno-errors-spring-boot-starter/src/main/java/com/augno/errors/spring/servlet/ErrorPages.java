package com.augno.errors.spring.servlet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.augno.errors.AugnoError;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.boot.autoconfigure.template.TemplateAvailabilityProviders;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.ContentNegotiatingViewResolver;
import org.springframework.web.servlet.view.InternalResourceView;

/**
 * Finds the application's own error page for a status, as Spring Boot's
 * {@code BasicErrorController} does for a browser: the {@link ErrorViewResolver}s
 * ({@code error/404}, then {@code error/4xx}, as templates or static files, and any
 * resolver of the application's), then an {@code error} template. For a status without a
 * page of its own, an application that has pages for other statuses gets Boot's
 * whitelabel page, as without the starter, rather than raw JSON; an application without
 * any error page, a pure API, keeps the envelope.
 * <p>
 * The page's model has Boot's attributes, as the application's {@link ErrorAttributes}
 * give them with Boot's {@code spring.web.error.include-*} (its own attributes, and
 * {@code exception}, {@code trace} and {@code errors} where it opted into them), and
 * {@code timestamp}, {@code status}, {@code error}, {@code path} and {@code message} of
 * the starter's answer, so that existing templates keep working, and the envelope's
 * ({@code code}, {@code type}, {@code errorParam} (Thymeleaf keeps {@code param} for the
 * request parameters), {@code requestId}, {@code docUrl}, {@code requestLogUrl}).
 * {@code message} is the envelope's message, in the page's {@link #locale language}; for
 * a server error it is the exception's own only when the application opted into it with
 * {@code spring.web.error.include-message}.
 *
 * @since 0.1.0
 */
public class ErrorPages {

	private static final Log logger = LogFactory.getLog(ErrorPages.class);

	private static final int MAX_UNWRAP = 16;

	private static final String WHITELABEL = "error";

	private final ApplicationContext context;

	private final List<ErrorViewResolver> resolvers;

	private final TemplateAvailabilityProviders templates;

	private final ErrorProperties.IncludeAttribute includeMessage;

	private final boolean includeException;

	private final ErrorProperties.IncludeAttribute includeStacktrace;

	private final ErrorProperties.IncludeAttribute includeBindingErrors;

	private final ErrorProperties.IncludeAttribute includePath;

	private final String errorPathBase;

	private final ControllerAdviceModel adviceModel;

	private final ErrorPathInterceptors interceptors;

	private volatile @Nullable Boolean ownPages;

	private volatile @Nullable List<ViewResolver> viewResolvers;

	private volatile @Nullable Boolean ownErrorController;

	private volatile @Nullable ErrorPageScope scope;

	/**
	 * Create the pages of an application.
	 * @param context the application context, whose templates are looked up
	 * @param resolvers the application's error view resolvers, in order
	 * @param includeMessage Boot's {@code spring.web.error.include-message}
	 */
	public ErrorPages(ApplicationContext context, List<ErrorViewResolver> resolvers,
			ErrorProperties.IncludeAttribute includeMessage) {
		this(context, resolvers, includeMessage, "/error");
	}

	/**
	 * Create the pages of an application whose error path is not {@code /error}.
	 * @param context the application context, whose templates are looked up
	 * @param resolvers the application's error view resolvers, in order
	 * @param includeMessage Boot's {@code spring.web.error.include-message}
	 * @param errorPath Boot's {@code spring.web.error.path}, against which a page's
	 * relative forward is resolved, as in Boot's error dispatch
	 */
	public ErrorPages(ApplicationContext context, List<ErrorViewResolver> resolvers,
			ErrorProperties.IncludeAttribute includeMessage, String errorPath) {
		this(context, resolvers, errorProperties(includeMessage, errorPath));
	}

	/**
	 * Create the pages of an application with Spring Boot's error settings.
	 * @param context the application context, whose templates are looked up
	 * @param resolvers the application's error view resolvers, in order
	 * @param error Boot's {@code spring.web.error.*}: the error path, against which a
	 * page's relative forward is resolved, and what the page's model includes, as Boot's
	 * {@code BasicErrorController} includes it
	 */
	public ErrorPages(ApplicationContext context, List<ErrorViewResolver> resolvers, ErrorProperties error) {
		this.context = context;
		this.resolvers = List.copyOf(resolvers);
		this.templates = new TemplateAvailabilityProviders(context);
		this.includeMessage = error.getIncludeMessage();
		this.includeException = error.isIncludeException();
		this.includeStacktrace = error.getIncludeStacktrace();
		this.includeBindingErrors = error.getIncludeBindingErrors();
		this.includePath = error.getIncludePath();
		String errorPath = error.getPath();
		this.errorPathBase = errorPath.substring(0, errorPath.lastIndexOf('/') + 1);
		this.adviceModel = new ControllerAdviceModel(context);
		this.interceptors = new ErrorPathInterceptors(context, errorPath);
	}

	private static ErrorProperties errorProperties(ErrorProperties.IncludeAttribute includeMessage, String path) {
		ErrorProperties error = new ErrorProperties();
		error.setIncludeMessage(includeMessage);
		error.setPath(path);
		return error;
	}

	/**
	 * Return the application's error page for an error, with its model, or {@code null}
	 * if it has none for that status.
	 * @param request the request
	 * @param status the HTTP status
	 * @param error the error the envelope would carry
	 * @param requestId the request's id
	 * @param cause the failure behind it, or {@code null}
	 * @return the page, or {@code null}
	 */
	public @Nullable ModelAndView find(HttpServletRequest request, int status, AugnoError error, String requestId,
			@Nullable Throwable cause) {
		HttpStatus httpStatus = HttpStatus.resolve(status);
		Map<String, Object> model = model(request, status, httpStatus, error, requestId, cause);
		if (httpStatus != null) {
			for (ErrorViewResolver resolver : this.resolvers) {
				ModelAndView page = resolver.resolveErrorView(request, httpStatus, model);
				if (page != null) {
					return page;
				}
			}
		}
		if (this.templates.getProvider("error", this.context) != null) {
			return new ModelAndView("error", model);
		}
		View whitelabel = whitelabel();
		return (whitelabel != null && hasOwnPages(request)) ? new ModelAndView(whitelabel, model) : null;
	}

	/**
	 * Return the language a page is rendered in: the one the {@code DispatcherServlet}'s
	 * {@link LocaleResolver} chooses for the request (a session's, a cookie's, a fixed
	 * one), asked of the application's resolver for a failure outside Spring MVC, whose
	 * page the error dispatch renders; the request's own locale without one.
	 * @param request the request
	 * @return the page's locale
	 */
	public Locale locale(HttpServletRequest request) {
		@Nullable LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
		if (resolver == null) {
			resolver = localeResolver();
		}
		return (resolver != null) ? resolver.resolveLocale(request) : request.getLocale();
	}

	private @Nullable LocaleResolver localeResolver() {
		String name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME;
		return (this.context.containsBean(name) && this.context.isTypeMatch(name, LocaleResolver.class))
				? this.context.getBean(name, LocaleResolver.class) : null;
	}

	/**
	 * Return whether the application has an {@link ErrorController} of its own, which
	 * makes the starter's back off, as it makes Spring Boot's: a browser's failure is
	 * then that controller's to answer, on the error dispatch, as without the starter.
	 * @return whether the application answers its error path itself
	 */
	public boolean hasOwnErrorController() {
		Boolean own = this.ownErrorController;
		if (own == null) {
			own = false;
			for (String name : this.context.getBeanNamesForType(ErrorController.class, false, false)) {
				Class<?> type = this.context.getType(name);
				if (type != null && !AugnoErrorController.class.isAssignableFrom(type)
						&& type != BasicErrorController.class) {
					own = true;
					break;
				}
			}
			this.ownErrorController = own;
		}
		return own;
	}

	/**
	 * Return a page ready to be rendered in the failed request's own dispatch rather than
	 * in Boot's error dispatch: a view that forwards to a path relative to the request
	 * (an {@code index.html} that a single-page application's {@link ErrorViewResolver}
	 * answers a deep link with) forwards to that path relative to the error path, where
	 * the error dispatch resolved it without the starter, not to one under the request's
	 * own path; and its model gets what the application's {@code @ControllerAdvice} gives
	 * the error controller (see {@link #withAdviceModel}) and what the {@code postHandle}
	 * of the interceptors of the error path adds to it. On an error dispatch the page is
	 * returned as it is: the error controller renders it.
	 * @param page a page {@link #find} returned
	 * @param request the request
	 * @param response the response
	 * @return the page, its relative forward anchored
	 */
	public ModelAndView inPlace(ModelAndView page, HttpServletRequest request, HttpServletResponse response) {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			return page;
		}
		withAdviceModel(page, request, response);
		this.interceptors.postHandle(page, request, response);
		String viewName = page.getViewName();
		if (viewName == null) {
			return page;
		}
		try {
			if (resolve(viewName, request) instanceof InternalResourceView forward) {
				String url = forward.getUrl();
				if (url != null && !url.startsWith("/")) {
					page.setView(new InternalResourceView(this.errorPathBase + url));
				}
			}
		}
		catch (Exception ex) {
			// Spring MVC resolves it again, and answers its failure.
			if (logger.isDebugEnabled()) {
				logger.debug("Could not resolve the error page " + viewName, ex);
			}
		}
		return page;
	}

	/**
	 * Give a page rendered where no error controller ran the model attributes of the
	 * application's {@code @ControllerAdvice} that applies to the error controller, as
	 * Spring MVC gave them to Boot's error page (a {@code siteName} its layout shows).
	 * The page's own attributes win, as they won over the advice's in Boot's error
	 * controller.
	 * @param page the page
	 * @param request the request
	 * @param response the response
	 * @return the page
	 */
	public ModelAndView withAdviceModel(ModelAndView page, HttpServletRequest request, HttpServletResponse response) {
		this.adviceModel.attributes(request, response).forEach(page.getModelMap()::putIfAbsent);
		return page;
	}

	/**
	 * Render a page after the filter chain returned, within the application's
	 * {@link ErrorPageScope} (the signed-in user of Spring Security restored), so that
	 * the page's layout sees the request as the application's own pages do.
	 * @param request the request
	 * @param rendering renders the page with the request it is given, and tells whether
	 * it rendered
	 * @return what {@code rendering} returned
	 */
	public boolean renderAfterChain(HttpServletRequest request, Predicate<HttpServletRequest> rendering) {
		ErrorPageScope scope = this.scope;
		if (scope == null) {
			scope = this.context.getBeanProvider(ErrorPageScope.class).getIfUnique(() -> ErrorPageScope.NONE);
			this.scope = scope;
		}
		return scope.render(request, rendering);
	}

	/**
	 * Render a page that {@link #find} returned directly, outside Spring MVC: for a
	 * failure in a filter whose page the container's error dispatch did not reach,
	 * because a filter failed again on the way (Spring Security's CSRF check reading the
	 * parameters of a form Tomcat refused to parse). Without the starter, Tomcat's own
	 * HTML page answers such a request; the application's page is no worse. A view name
	 * is resolved by the application's view resolvers, as Spring MVC does.
	 * @param page the page
	 * @param request the request
	 * @param response the response, with the error status set
	 * @return whether the page was rendered; if not, nothing was written
	 */
	public boolean render(ModelAndView page, HttpServletRequest request, HttpServletResponse response) {
		try {
			View view = page.getView();
			if (view == null && page.getViewName() != null) {
				view = resolve(page.getViewName(), request);
			}
			if (view == null) {
				return false;
			}
			view.render(page.getModel(), request, response);
			return true;
		}
		catch (Exception ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("Could not render the error page " + page.getViewName() + " outside Spring MVC", ex);
			}
			if (!response.isCommitted()) {
				response.resetBuffer();
			}
			return false;
		}
	}

	private @Nullable View resolve(String viewName, HttpServletRequest request) throws Exception {
		for (ViewResolver resolver : viewResolvers()) {
			// It delegates to the others, and needs Spring MVC's request attributes.
			if (!(resolver instanceof ContentNegotiatingViewResolver)) {
				View view = resolver.resolveViewName(viewName, RequestContextUtils.getLocale(request));
				if (view != null) {
					return view;
				}
			}
		}
		return null;
	}

	/**
	 * Return the application's view resolvers in Spring MVC's order, as the
	 * {@code DispatcherServlet} detects them.
	 */
	private List<ViewResolver> viewResolvers() {
		List<ViewResolver> resolvers = this.viewResolvers;
		if (resolvers == null) {
			resolvers = new ArrayList<>(
					BeanFactoryUtils.beansOfTypeIncludingAncestors(this.context, ViewResolver.class, true, false)
						.values());
			AnnotationAwareOrderComparator.sort(resolvers);
			resolvers = List.copyOf(resolvers);
			this.viewResolvers = resolvers;
		}
		return resolvers;
	}

	/**
	 * Return Boot's whitelabel view, the {@code error} bean its error auto-configuration
	 * defines unless {@code spring.web.error.whitelabel.enabled=false}, or {@code null}.
	 */
	private @Nullable View whitelabel() {
		return (this.context.containsBean(WHITELABEL) && this.context.isTypeMatch(WHITELABEL, View.class))
				? this.context.getBean(WHITELABEL, View.class) : null;
	}

	/**
	 * Return whether the application has an error page for some error status, asked of
	 * its resolvers once, each with a model of Boot's status attributes. A resolver that
	 * fails on such a question is taken to have no page for it.
	 */
	private boolean hasOwnPages(HttpServletRequest request) {
		Boolean own = this.ownPages;
		if (own == null) {
			own = Arrays.stream(HttpStatus.values())
				.filter(HttpStatus::isError)
				.anyMatch(
						(status) -> this.resolvers.stream().anyMatch((resolver) -> hasPage(resolver, request, status)));
			this.ownPages = own;
		}
		return own;
	}

	private static boolean hasPage(ErrorViewResolver resolver, HttpServletRequest request, HttpStatus status) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("status", status.value());
		model.put("error", status.getReasonPhrase());
		try {
			return resolver.resolveErrorView(request, status, model) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private Map<String, Object> model(HttpServletRequest request, int status, @Nullable HttpStatus httpStatus,
			AugnoError error, String requestId, @Nullable Throwable cause) {
		Map<String, Object> model = new LinkedHashMap<>(applicationAttributes(request));
		model.putIfAbsent("timestamp", new Date());
		model.put("status", status);
		model.put("error", (httpStatus != null) ? httpStatus.getReasonPhrase() : "Http Status " + status);
		model.put("path", path(request));
		model.put("message", message(request, status, error, cause));
		model.put("code", error.code());
		model.put("type", error.type().wireName());
		if (error.param() != null) {
			model.put("errorParam", error.param());
		}
		model.put("requestId", requestId);
		model.put("docUrl", error.docUrl());
		if (error.requestLogUrl() != null) {
			model.put("requestLogUrl", error.requestLogUrl());
		}
		return model;
	}

	/**
	 * Return what the application's {@link ErrorAttributes} give a page, with the options
	 * Boot's {@code BasicErrorController} gives them
	 * ({@code spring.web.error.include-*}): an attribute of its own
	 * ({@code supportEmail}), and {@code exception}, {@code trace} and the binding
	 * {@code errors} where the application opted into them. The starter's attributes are
	 * put over them.
	 */
	private Map<String, Object> applicationAttributes(HttpServletRequest request) {
		ErrorAttributes attributes = this.context.getBeanProvider(ErrorAttributes.class).getIfUnique();
		if (attributes == null) {
			return Map.of();
		}
		try {
			return attributes.getErrorAttributes(new ServletWebRequest(request), options(request));
		}
		catch (RuntimeException ex) {
			logger.debug("The application's ErrorAttributes failed; the error page gets the starter's model only", ex);
			return Map.of();
		}
	}

	private ErrorAttributeOptions options(HttpServletRequest request) {
		ErrorAttributeOptions options = ErrorAttributeOptions.defaults();
		if (this.includeException) {
			options = options.including(ErrorAttributeOptions.Include.EXCEPTION);
		}
		if (includes(this.includeStacktrace, request, "trace")) {
			options = options.including(ErrorAttributeOptions.Include.STACK_TRACE);
		}
		if (includes(this.includeMessage, request, "message")) {
			options = options.including(ErrorAttributeOptions.Include.MESSAGE);
		}
		if (includes(this.includeBindingErrors, request, "errors")) {
			options = options.including(ErrorAttributeOptions.Include.BINDING_ERRORS);
		}
		return includes(this.includePath, request, "path") ? options
				: options.excluding(ErrorAttributeOptions.Include.PATH);
	}

	private static boolean includes(ErrorProperties.IncludeAttribute include, HttpServletRequest request,
			String parameterName) {
		return switch (include) {
			case ALWAYS -> true;
			case ON_PARAM -> {
				String parameter = request.getParameter(parameterName);
				yield parameter != null && !"false".equalsIgnoreCase(parameter);
			}
			case NEVER -> false;
		};
	}

	private String message(HttpServletRequest request, int status, AugnoError error, @Nullable Throwable cause) {
		if (status < 500 || cause == null || !includesMessage(request)) {
			return error.message();
		}
		Throwable failure = cause;
		for (int i = 0; i < MAX_UNWRAP && failure instanceof ServletException && failure.getCause() != null; i++) {
			failure = failure.getCause();
		}
		String message = failure.getMessage();
		return StringUtils.hasText(message) ? message : error.message();
	}

	private boolean includesMessage(HttpServletRequest request) {
		return includes(this.includeMessage, request, "message");
	}

	private static String path(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.ERROR
				&& request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original) {
			return original;
		}
		if (request.getDispatcherType() == DispatcherType.FORWARD
				&& request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) instanceof String original) {
			// A view forwarded to a path the client never sent.
			return original;
		}
		return request.getRequestURI();
	}

}
