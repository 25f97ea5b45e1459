package com.augno.errors.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorFactory;
import com.augno.errors.ErrorLinks;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.format.ErrorFormats;
import com.augno.errors.spring.format.ErrorMessages;
import com.augno.errors.spring.mapping.AugnoExceptionMapper;
import com.augno.errors.spring.mapping.ClientDisconnectMapper;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.mapping.ConfiguredExceptionMapper;
import com.augno.errors.spring.mapping.ConstraintViolationExceptionMapper;
import com.augno.errors.spring.mapping.ErrorResponseMapper;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.JsonPropertyPaths;
import com.augno.errors.spring.mapping.RequestBodyExceptionMapper;
import com.augno.errors.spring.mapping.SpringMvcExceptionMapper;
import com.augno.errors.spring.mapping.ValidationExceptionMapper;
import com.augno.errors.spring.properties.AugnoErrorsProperties;
import com.augno.errors.spring.web.AugnoErrorController;
import com.augno.errors.spring.web.AugnoErrorsExceptionHandler;
import com.augno.errors.spring.web.AugnoHandlerExceptionResolver;
import com.augno.errors.spring.web.CatchAllExceptionHandlerWarning;
import com.augno.errors.spring.web.DefaultRequestIdGenerator;
import com.augno.errors.spring.web.ErrorListener;
import com.augno.errors.spring.web.ErrorLogger;
import com.augno.errors.spring.web.ErrorPages;
import com.augno.errors.spring.web.ErrorResponseDecision;
import com.augno.errors.spring.web.ErrorResponseHandler;
import com.augno.errors.spring.web.ErrorResponseWriter;
import com.augno.errors.spring.web.IgnoredErrorPropertiesNotice;
import com.augno.errors.spring.web.ParameterRulesInterceptor;
import com.augno.errors.spring.web.RequestIdFilter;
import com.augno.errors.spring.web.RequestIdGenerator;
import com.augno.errors.spring.web.ResourceLocationOptimizer;
import jakarta.servlet.DispatcherType;
import jakarta.validation.ConstraintViolationException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

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
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
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
@AutoConfiguration(
		beforeName = { "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
				"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration" },
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ AugnoErrorsProperties.class, WebProperties.class })
public final class AugnoErrorsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ErrorRegistry augnoErrorRegistry(AugnoErrorsProperties properties) {
		return new ErrorRegistryFactory(properties).create();
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorLinks augnoErrorLinks(AugnoErrorsProperties properties) {
		if (!StringUtils.hasText(properties.getDocBaseUrl())) {
			throw new InvalidAugnoErrorsConfigurationException("augno.errors.doc-base-url", properties.getDocBaseUrl(),
					"the documentation base URL must not be blank",
					"Set augno.errors.doc-base-url to the page the codes are anchors of, or remove it for Augno's.",
					null);
		}
		try {
			return new ErrorLinks(properties.getDocBaseUrl(), properties.getRequestLogUrlTemplate());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAugnoErrorsConfigurationException("augno.errors.request-log-url-template",
					properties.getRequestLogUrlTemplate(),
					"the template has no " + ErrorLinks.REQUEST_ID_PLACEHOLDER + " placeholder",
					"Put " + ErrorLinks.REQUEST_ID_PLACEHOLDER + " where the request id goes, such as "
							+ ErrorLinks.DEFAULT_REQUEST_LOG_URL_TEMPLATE + ", or leave the property empty for "
							+ "request_log_url: null.",
					ex);
		}
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorFactory augnoErrorFactory(ErrorRegistry registry, ErrorLinks links) {
		return new ErrorFactory(registry, links);
	}

	@Bean
	@ConditionalOnMissingBean
	JsonPropertyPaths augnoJsonPropertyPaths(ObjectProvider<ObjectMapper> objectMapper) {
		return new JsonPropertyPaths(objectMapper.getIfUnique(() -> JsonMapper.builder().build()));
	}

	@Bean
	@ConditionalOnMissingBean
	ClientDisconnectMapper augnoClientDisconnectMapper() {
		return new ClientDisconnectMapper();
	}

	@Bean
	@ConditionalOnMissingBean
	ConfiguredExceptionMapper augnoConfiguredExceptionMapper(AugnoErrorsProperties properties, ErrorRegistry registry) {
		Map<Class<? extends Throwable>, ErrorCode> codes = new LinkedHashMap<>();
		properties.getExceptions()
			.forEach((className, code) -> codes.put(exceptionClass(className, code),
					lookup(registry, "augno.errors.exceptions[" + className + "]", code)));
		return new ConfiguredExceptionMapper(codes);
	}

	@Bean
	@ConditionalOnMissingBean
	AugnoExceptionMapper augnoExceptionMapper(ErrorFactory errorFactory) {
		return new AugnoExceptionMapper(errorFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	ValidationExceptionMapper augnoValidationExceptionMapper(JsonPropertyPaths paths) {
		return new ValidationExceptionMapper(paths);
	}

	@Bean
	@ConditionalOnMissingBean
	RequestBodyExceptionMapper augnoRequestBodyExceptionMapper(ObjectProvider<ObjectMapper> objectMapper) {
		return new RequestBodyExceptionMapper(objectMapper.getIfUnique(() -> JsonMapper.builder().build()));
	}

	@Bean
	@ConditionalOnMissingBean
	SpringMvcExceptionMapper augnoSpringMvcExceptionMapper() {
		return new SpringMvcExceptionMapper();
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorResponseMapper augnoErrorResponseMapper() {
		return new ErrorResponseMapper();
	}

	@Bean
	@ConditionalOnMissingBean
	CompositeExceptionMapper augnoExceptionMappers(ObjectProvider<ExceptionMapper> mappers) {
		return new CompositeExceptionMapper(mappers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorResponseWriter augnoErrorResponseWriter() {
		return new ErrorResponseWriter();
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorLogger augnoErrorLogger(AugnoErrorsProperties properties) {
		AugnoErrorsProperties.Logging logging = properties.getLogging();
		Duration stackTraceInterval = logging.getStackTraceInterval();
		if (stackTraceInterval.isNegative()) {
			throw new InvalidAugnoErrorsConfigurationException("augno.errors.logging.stack-trace-interval",
					stackTraceInterval, "must be zero or positive",
					"Set augno.errors.logging.stack-trace-interval to a duration such as 1m, or 0 to log every "
							+ "stack trace.",
					null);
		}
		return new ErrorLogger(logging.getInvalidRequestError(), logging.getIdempotencyError(), logging.getApiError(),
				logging.getClientClosedRequest(), logging.getRequestTimeout(), stackTraceInterval);
	}

	@Bean
	@ConditionalOnMissingBean
	RequestIdGenerator augnoRequestIdGenerator() {
		return new DefaultRequestIdGenerator();
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
		return new ErrorPages(context, errorViewResolvers.orderedStream().toList(),
				webProperties.getError().getIncludeMessage());
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
	@ConditionalOnMissingBean(ErrorController.class)
	AugnoErrorController augnoErrorController(ErrorResponseHandler handler,
			ObjectProvider<ErrorAttributes> errorAttributes, WebProperties webProperties,
			ObjectProvider<ErrorViewResolver> errorViewResolvers) {
		return new AugnoErrorController(handler, errorAttributes.getIfAvailable(DefaultErrorAttributes::new),
				webProperties, errorViewResolvers.orderedStream().toList());
	}

	@Bean
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
	@ConditionalOnMissingBean
	ParameterRulesInterceptor augnoParameterRulesInterceptor(AugnoErrorsProperties properties) {
		return new ParameterRulesInterceptor(properties.isRejectUnknownParameters());
	}

	@Bean
	@ConditionalOnMissingBean(name = "augnoErrorsWebMvcConfigurer")
	WebMvcConfigurer augnoErrorsWebMvcConfigurer(ParameterRulesInterceptor interceptor, ErrorResponseHandler handler,
			AugnoErrorsProperties properties) {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor).addPathPatterns(properties.getPaths());
			}

			@Override
			public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
				AugnoHandlerExceptionResolver.insertInto(resolvers, handler);
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
	IgnoredErrorPropertiesNotice augnoIgnoredErrorPropertiesNotice(Environment environment) {
		return new IgnoredErrorPropertiesNotice(environment);
	}

	private static Class<? extends Throwable> exceptionClass(String className, String code) {
		String property = "augno.errors.exceptions[" + className + "]";
		String action = "Key " + property.substring(0, property.indexOf('['))
				+ " by the fully qualified name of an exception class on the classpath.";
		Class<?> type;
		try {
			type = ClassUtils.forName(className, AugnoErrorsAutoConfiguration.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new InvalidAugnoErrorsConfigurationException(property, code,
					"no class " + className + " on the classpath", action, ex);
		}
		if (!Throwable.class.isAssignableFrom(type)) {
			throw new InvalidAugnoErrorsConfigurationException(property, code, className + " is not a Throwable",
					action, null);
		}
		return type.asSubclass(Throwable.class);
	}

	private static ErrorCode lookup(ErrorRegistry registry, String property, String code) {
		try {
			return registry.get(code);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAugnoErrorsConfigurationException(property, code, ex.getMessage(),
					"Map the exception to a registered code: one of the contract's, or one defined under "
							+ "augno.errors.codes.",
					ex);
		}
	}

	/**
	 * Bean Validation's own exception, raised by {@code @Validated} beans.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ConstraintViolationException.class)
	static class BeanValidationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ConstraintViolationExceptionMapper augnoConstraintViolationExceptionMapper(JsonPropertyPaths paths) {
			return new ConstraintViolationExceptionMapper(paths);
		}

	}

}
