package com.augno.errors.spring.servlet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.http.server.RequestPath;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * The {@code postHandle} of the application's {@link HandlerInterceptor}s that Spring MVC
 * applies to the error path, run for an error page the starter renders in the failed
 * request's own dispatch. Without the starter the page went through the error dispatch to
 * Boot's error controller, and an interceptor that adds to every view's model (a menu,
 * breadcrumbs) added to the error page too; Spring MVC runs no {@code postHandle} for a
 * view an exception resolver returns.
 * <p>
 * Only {@code postHandle} runs: the interceptors' {@code preHandle} ran for the failed
 * request's own handler, which the same interceptors usually cover. The interceptors are
 * those the {@link RequestMappingHandlerMapping} chains to the error path (a pattern that
 * excludes it leaves its interceptor out); looked up for a view of the request whose
 * attributes it keeps to itself, so that the failed request keeps its handler's pattern.
 *
 * @since 0.1.0
 */
final class ErrorPathInterceptors {

	private static final Log logger = LogFactory.getLog(ErrorPathInterceptors.class);

	private final ApplicationContext context;

	private final String errorPath;

	private volatile @Nullable RequestMappingHandlerMapping mapping;

	private volatile boolean looked;

	ErrorPathInterceptors(ApplicationContext context, String errorPath) {
		this.context = context;
		this.errorPath = errorPath;
	}

	/**
	 * Run the {@code postHandle} of the interceptors of the error path on a page, in
	 * Spring MVC's order (the last registered first). One that fails is logged at WARN
	 * and the others still run.
	 * @param page the page
	 * @param request the request
	 * @param response the response
	 */
	void postHandle(ModelAndView page, HttpServletRequest request, HttpServletResponse response) {
		RequestMappingHandlerMapping mapping = mapping();
		if (mapping == null) {
			return;
		}
		HandlerExecutionChain chain;
		try {
			chain = mapping.getHandler(new ErrorPathRequest(request, this.errorPath));
		}
		catch (Exception ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("Could not find the interceptors of " + this.errorPath, ex);
			}
			return;
		}
		if (chain == null) {
			return;
		}
		List<HandlerInterceptor> interceptors = chain.getInterceptorList();
		for (int i = interceptors.size() - 1; i >= 0; i--) {
			HandlerInterceptor interceptor = interceptors.get(i);
			try {
				interceptor.postHandle(request, response, chain.getHandler(), page);
			}
			catch (Exception ex) {
				logger.warn(
						"The postHandle of " + interceptor.getClass().getName() + " failed for the error page of "
								+ request.getMethod() + " " + request.getRequestURI() + "; it is rendered without it",
						ex);
			}
		}
	}

	private @Nullable RequestMappingHandlerMapping mapping() {
		if (!this.looked) {
			this.mapping = this.context.getBeanProvider(RequestMappingHandlerMapping.class).getIfUnique();
			this.looked = true;
		}
		return this.mapping;
	}

	/**
	 * The request as Spring MVC sees it on the error dispatch, for the handler mapping
	 * only: the error path, and attributes of its own over the request's.
	 */
	private static final class ErrorPathRequest extends HttpServletRequestWrapper {

		private final String uri;

		private final Map<String, @Nullable Object> attributes = new HashMap<>();

		ErrorPathRequest(HttpServletRequest request, String errorPath) {
			super(request);
			String contextPath = request.getContextPath();
			this.uri = contextPath + errorPath;
			this.attributes.put(ServletRequestPathUtils.PATH_ATTRIBUTE, RequestPath.parse(this.uri, contextPath));
			this.attributes.put(UrlPathHelper.PATH_ATTRIBUTE, errorPath);
		}

		@Override
		public String getRequestURI() {
			return this.uri;
		}

		@Override
		public String getServletPath() {
			return "";
		}

		@Override
		public @Nullable String getPathInfo() {
			return null;
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public DispatcherType getDispatcherType() {
			return DispatcherType.ERROR;
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			return this.attributes.containsKey(name) ? this.attributes.get(name) : super.getAttribute(name);
		}

		@Override
		public void setAttribute(String name, @Nullable Object value) {
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.put(name, null);
		}

	}

}
