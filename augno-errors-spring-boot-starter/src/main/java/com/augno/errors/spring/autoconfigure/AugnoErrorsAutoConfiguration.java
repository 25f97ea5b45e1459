package com.augno.errors.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import com.augno.errors.ErrorFactory;
import com.augno.errors.spring.format.ErrorFormats;
import com.augno.errors.spring.format.ErrorMessages;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.properties.AugnoErrorsProperties;
import com.augno.errors.spring.servlet.AugnoErrorController;
import com.augno.errors.spring.servlet.AugnoErrorsExceptionHandler;
import com.augno.errors.spring.servlet.AugnoHandlerExceptionResolver;
import com.augno.errors.spring.servlet.CatchAllExceptionHandlerWarning;
import com.augno.errors.spring.servlet.ErrorPages;
import com.augno.errors.spring.servlet.ErrorResponseDecision;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import com.augno.errors.spring.servlet.ErrorResponseWriter;
import com.augno.errors.spring.servlet.ParameterRulesInterceptor;
import com.augno.errors.spring.servlet.RequestIdCallableInterceptor;
import com.augno.errors.spring.servlet.RequestIdFilter;
import com.augno.errors.spring.servlet.ResourceLocationOptimizer;
import com.augno.errors.spring.web.ErrorListener;
import com.augno.errors.spring.web.ErrorLogger;
import com.augno.errors.spring.web.ErrorResponseRules;
import com.augno.errors.spring.web.IgnoredErrorPropertiesNotice;
import com.augno.errors.spring.web.RequestIdGenerator;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Fallback;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration that answers every failure of a Spring MVC application with the
 * Augno error envelope: the registry and links from {@code augno.errors.*}, the mapper
 * chain, and the servlet plumbing (controller advice, request id filter, error
 * controller, parameter rules).
 *
 * @since 0.1.0
 */
// Before WebMvc: Boot's problem-details handler backs off for our advice.
// Before ErrorMvc: BasicErrorController backs off for our ErrorController.
// After Data REST: our advice, ordered last, ties with its unordered exception handler
// and must be registered after it to lose the tie.
@AutoConfiguration(
		beforeName = { "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
				"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration" },
		afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
				"org.springframework.boot.data.rest.autoconfigure.DataRestAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ AugnoErrorsProperties.class, WebProperties.class })
@Import(AugnoErrorsCoreConfiguration.class)
public final class AugnoErrorsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ErrorResponseWriter augnoErrorResponseWriter() {
		return new ErrorResponseWriter();
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorResponseDecision augnoErrorResponseDecision(AugnoErrorsProperties properties) {
		try {
			return new ErrorResponseDecision(properties.getPaths());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("augno.errors.paths: " + ex.getMessage(), ex);
		}
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorPages augnoErrorPages(ApplicationContext context, ObjectProvider<ErrorViewResolver> errorViewResolvers,
			WebProperties webProperties) {
		return new ErrorPages(context, errorViewResolvers.orderedStream().toList(), webProperties.getError());
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorResponseHandler augnoErrorResponseHandler(CompositeExceptionMapper mappers, ErrorFactory errorFactory,
			ErrorResponseWriter writer, ErrorLogger errorLogger, RequestIdGenerator requestIdGenerator,
			AugnoErrorsProperties properties, ObjectProvider<ErrorListener> listeners, ErrorResponseDecision decision,
			ErrorPages pages, ObjectProvider<ErrorFormats> formats, ObjectProvider<ErrorMessages> messages) {
		return new ErrorResponseHandler(mappers, errorFactory, writer, errorLogger, requestIdGenerator,
				properties.getRequestId().getResponseHeader(), listeners.orderedStream().toList(), decision, pages,
				formats.getIfAvailable(ErrorFormats::augno),
				messages.getIfAvailable(() -> new ErrorMessages(null, errorFactory.registry())));
	}

	@Bean
	@ConditionalOnMissingBean
	AugnoErrorsExceptionHandler augnoErrorsExceptionHandler(ErrorResponseHandler handler) {
		return new AugnoErrorsExceptionHandler(handler);
	}

	@Bean
	@Fallback
	@ConditionalOnMissingBean(ErrorController.class)
	AugnoErrorController augnoErrorController(ErrorResponseHandler handler,
			ObjectProvider<ErrorAttributes> errorAttributes, WebProperties webProperties,
			ObjectProvider<ErrorViewResolver> errorViewResolvers) {
		return new AugnoErrorController(handler, errorAttributes.getIfAvailable(DefaultErrorAttributes::new),
				webProperties, errorViewResolvers.orderedStream().toList());
	}

	@Bean
	@Fallback
	@ConditionalOnMissingBean(name = "augnoRequestIdFilter")
	FilterRegistrationBean<RequestIdFilter> augnoRequestIdFilter(ErrorResponseHandler handler,
			RequestIdGenerator generator, AugnoErrorsProperties properties) {
		AugnoErrorsProperties.RequestId requestId = properties.getRequestId();
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(
				new RequestIdFilter(handler, generator, requestId.getResponseHeader(), requestId.getTrustedHeader()));
		registration.setOrder(properties.getFilter().getOrder());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

	@Bean
	@Fallback
	@ConditionalOnMissingBean
	ParameterRulesInterceptor augnoParameterRulesInterceptor(AugnoErrorsProperties properties) {
		return new ParameterRulesInterceptor(properties.isRejectUnknownParameters());
	}

	@Bean
	@Fallback
	@ConditionalOnMissingBean(name = "augnoErrorsWebMvcConfigurer")
	WebMvcConfigurer augnoErrorsWebMvcConfigurer(ParameterRulesInterceptor interceptor, ErrorResponseHandler handler,
			AugnoErrorsProperties properties, ApplicationContext context) {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				InterceptorRegistration registration = registry.addInterceptor(interceptor);
				// No pattern when every path is enveloped, so no match per request.
				if (!ErrorResponseRules.coversEveryPath(properties.getPaths())) {
					registration.addPathPatterns(properties.getPaths());
				}
				// Every path: a request's log lines carry its id whatever answers its
				// errors.
				registry.addInterceptor(new RequestIdCallableInterceptor());
			}

			@Override
			public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
				// The resolver beans as the DispatcherServlet finds and orders them.
				AugnoHandlerExceptionResolver.insertInto(resolvers, handler, () -> {
					List<HandlerExceptionResolver> beans = new ArrayList<>(BeanFactoryUtils
						.beansOfTypeIncludingAncestors(context, HandlerExceptionResolver.class, true, false)
						.values());
					AnnotationAwareOrderComparator.sort(beans);
					return beans;
				});
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "augno.errors.optimize-resource-locations", matchIfMissing = true)
	static ResourceLocationOptimizer augnoResourceLocationOptimizer() {
		return new ResourceLocationOptimizer();
	}

	@Bean
	@ConditionalOnMissingBean
	CatchAllExceptionHandlerWarning augnoCatchAllExceptionHandlerWarning(ApplicationContext context) {
		return new CatchAllExceptionHandlerWarning(context);
	}

	@Bean
	@ConditionalOnMissingBean
	IgnoredErrorPropertiesNotice augnoIgnoredErrorPropertiesNotice(Environment environment,
			ObjectProvider<ErrorFormats> formats) {
		return new IgnoredErrorPropertiesNotice(environment, formats.getIfAvailable(ErrorFormats::augno));
	}

}
