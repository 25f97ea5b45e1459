package com.augno.errors.spring.servlet;

import com.augno.errors.spring.web.ParameterRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a request's query parameters against its handler before the handler runs, by the
 * {@link ParameterRules} both stacks share: parameters declared
 * {@link com.augno.errors.spring.web.ExclusiveParameters exclusive} must not come
 * together, and, when enabled, a parameter the handler does not declare is rejected with
 * {@code parameter_unknown}.
 *
 * @since 0.1.0
 */
public class ParameterRulesInterceptor implements HandlerInterceptor {

	private final ParameterRules rules;

	/**
	 * Create the interceptor.
	 * @param rejectUnknownParameters whether undeclared query parameters are rejected
	 */
	public ParameterRulesInterceptor(boolean rejectUnknownParameters) {
		this.rules = new ParameterRules(rejectUnknownParameters);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod handlerMethod && !(handlerMethod.getBean() instanceof ErrorController)) {
			this.rules.check(handlerMethod, request.getQueryString());
		}
		return true;
	}

}
