package com.augno.errors.spring.servlet;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.support.DefaultSessionAttributeStore;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.method.annotation.SessionAttributesHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolverComposite;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

/**
 * The {@code @ModelAttribute} methods of the application's {@code @ControllerAdvice}
 * beans, run for an error page the starter renders in the failed request's own dispatch.
 * Spring MVC runs them for a handler, not for a view an exception resolver returns;
 * without the starter the page went through the error dispatch to Boot's error
 * controller, where every advice that applies to that controller ran. A layout that shows
 * such an attribute (a site name, the signed-in user) keeps rendering.
 * <p>
 * The methods are run as Spring MVC runs them, with its argument resolvers (a
 * {@code Principal}, Spring Security's {@code @AuthenticationPrincipal}, the request).
 *
 * @since 0.1.0
 */
final class ControllerAdviceModel {

	private static final Log logger = LogFactory.getLog(ControllerAdviceModel.class);

	private static final HandlerMethod ERROR_PAGE = new HandlerMethod(ControllerAdviceModel.class,
			ReflectionUtils.findMethod(ControllerAdviceModel.class, "errorPage"));

	private final ApplicationContext context;

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private volatile @Nullable Methods methods;

	ControllerAdviceModel(ApplicationContext context) {
		this.context = context;
	}

	/**
	 * Return the attributes the application's advice gives an error page of this request,
	 * none if it has no such methods or they failed.
	 * @param request the request
	 * @param response the response
	 * @return the attributes, in the order Spring MVC adds them
	 */
	Map<String, Object> attributes(HttpServletRequest request, HttpServletResponse response) {
		Methods methods = methods();
		if (methods.advice().isEmpty()) {
			return Map.of();
		}
		WebDataBinderFactory binders = new ServletRequestDataBinderFactory(List.of(), methods.binding());
		ModelAndViewContainer container = new ModelAndViewContainer();
		try {
			// An advice bean is resolved per request (it may be lazy or request-scoped),
			// and may fail like its methods.
			List<InvocableHandlerMethod> invocable = new ArrayList<>();
			for (AdviceMethod method : methods.advice()) {
				InvocableHandlerMethod handlerMethod = new InvocableHandlerMethod(method.advice().resolveBean(),
						method.method());
				handlerMethod.setHandlerMethodArgumentResolvers(methods.arguments());
				handlerMethod.setParameterNameDiscoverer(this.parameterNames);
				handlerMethod.setDataBinderFactory(binders);
				invocable.add(handlerMethod);
			}
			new ModelFactory(invocable, binders, methods.sessionAttributes())
				.initModel(new ServletWebRequest(request, response), container, ERROR_PAGE);
			return container.getModel();
		}
		catch (Exception ex) {
			logger.warn(
					"The @ModelAttribute methods of the application's @ControllerAdvice failed for the error page of "
							+ request.getMethod() + " " + request.getRequestURI() + "; it is rendered without them",
					ex);
			return Map.of();
		}
	}

	/**
	 * Find, once, the advice methods that apply to the error controller, the handler that
	 * rendered the page without the starter.
	 */
	private Methods methods() {
		Methods methods = this.methods;
		if (methods == null) {
			RequestMappingHandlerAdapter adapter = this.context.getBeanProvider(RequestMappingHandlerAdapter.class)
				.getIfUnique();
			List<AdviceMethod> advice = new ArrayList<>();
			HandlerMethodArgumentResolverComposite arguments = new HandlerMethodArgumentResolverComposite();
			WebBindingInitializer binding = null;
			Class<?> errorController = errorControllerType();
			if (adapter != null && adapter.getArgumentResolvers() != null) {
				arguments.addResolvers(adapter.getArgumentResolvers());
				binding = adapter.getWebBindingInitializer();
				for (ControllerAdviceBean bean : ControllerAdviceBean.findAnnotatedBeans(this.context)) {
					Class<?> type = bean.getBeanType();
					if (type != null && bean.isApplicableToBeanType(errorController)) {
						Set<Method> found = MethodIntrospector.selectMethods(type,
								RequestMappingHandlerAdapter.MODEL_ATTRIBUTE_METHODS);
						found.forEach((method) -> advice.add(new AdviceMethod(bean, method)));
					}
				}
			}
			methods = new Methods(List.copyOf(advice), arguments, binding,
					new SessionAttributesHandler(errorController, new DefaultSessionAttributeStore()));
			this.methods = methods;
		}
		return methods;
	}

	private Class<?> errorControllerType() {
		String[] names = this.context.getBeanNamesForType(ErrorController.class, false, false);
		Class<?> type = (names.length == 1) ? this.context.getType(names[0]) : null;
		return (type != null) ? ClassUtils.getUserClass(type) : BasicErrorController.class;
	}

	/**
	 * The handler the model is made for: it takes no session attributes.
	 */
	private static void errorPage() {
	}

	private record AdviceMethod(ControllerAdviceBean advice, Method method) {
	}

	private record Methods(List<AdviceMethod> advice, HandlerMethodArgumentResolverComposite arguments,
			@Nullable WebBindingInitializer binding, SessionAttributesHandler sessionAttributes) {
	}

}
