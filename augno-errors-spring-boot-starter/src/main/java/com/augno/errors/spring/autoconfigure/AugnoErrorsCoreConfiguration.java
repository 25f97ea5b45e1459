package com.augno.errors.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorFactory;
import com.augno.errors.ErrorLinks;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.catalogue.ErrorCatalogue;
import com.augno.errors.spring.mapping.AugnoExceptionMapper;
import com.augno.errors.spring.mapping.ClientDisconnectMapper;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.mapping.ConfiguredExceptionMapper;
import com.augno.errors.spring.mapping.ConstraintViolationExceptionMapper;
import com.augno.errors.spring.mapping.ErrorResponseMapper;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.JsonPropertyPaths;
import com.augno.errors.spring.mapping.JwtExceptionMapper;
import com.augno.errors.spring.mapping.RejectedExecutionExceptionMapper;
import com.augno.errors.spring.mapping.RequestBodyExceptionMapper;
import com.augno.errors.spring.mapping.SpringMvcExceptionMapper;
import com.augno.errors.spring.mapping.ValidationExceptionMapper;
import com.augno.errors.spring.properties.AugnoErrorsProperties;
import com.augno.errors.spring.properties.AugnoErrorsRateLimitProperties;
import com.augno.errors.spring.web.ContextPathPatternsWarning;
import com.augno.errors.spring.web.DefaultRequestIdGenerator;
import com.augno.errors.spring.web.ErrorLogger;
import com.augno.errors.spring.web.RequestIdGenerator;
import jakarta.validation.ConstraintViolationException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LogFile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The beans both web stacks share: the registry and links from {@code augno.errors.*},
 * the mapper chain, the error logger and the request id generator. The servlet and the
 * reactive auto-configurations import it, so that a failure maps the same way on either.
 *
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AugnoErrorsProperties.class)
public class AugnoErrorsCoreConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ContextPathPatternsWarning augnoContextPathPatternsWarning(Environment environment,
			AugnoErrorsProperties properties, ObjectProvider<AugnoErrorsRateLimitProperties> rateLimits) {
		return new ContextPathPatternsWarning(environment, properties, rateLimits);
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorRegistry augnoErrorRegistry(AugnoErrorsProperties properties, ObjectProvider<ErrorCatalogue> catalogue) {
		return new ErrorRegistryFactory(properties, catalogue.getIfAvailable(ErrorCatalogue::none)).create();
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
	ErrorResponseMapper augnoErrorResponseMapper() {
		return new ErrorResponseMapper();
	}

	@Bean
	@ConditionalOnMissingBean
	RejectedExecutionExceptionMapper augnoRejectedExecutionExceptionMapper() {
		return new RejectedExecutionExceptionMapper();
	}

	@Bean
	@ConditionalOnMissingBean
	JwtExceptionMapper augnoJwtExceptionMapper() {
		return new JwtExceptionMapper();
	}

	@Bean
	@ConditionalOnMissingBean
	CompositeExceptionMapper augnoExceptionMappers(ObjectProvider<ExceptionMapper> mappers) {
		return new CompositeExceptionMapper(mappers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorLogger augnoErrorLogger(AugnoErrorsProperties properties, BeanFactory beanFactory, Environment environment) {
		AugnoErrorsProperties.Logging logging = properties.getLogging();
		Duration stackTraceInterval = logging.getStackTraceInterval();
		if (stackTraceInterval.isNegative()) {
			throw new InvalidAugnoErrorsConfigurationException("augno.errors.logging.stack-trace-interval",
					stackTraceInterval, "must be zero or positive",
					"Set augno.errors.logging.stack-trace-interval to a duration such as 1m, or 0 to log every "
							+ "stack trace.",
					null);
		}
		// The @SpringBootApplication's packages tell apart a library's failures by where
		// the application called it; a hand-built context has none.
		List<String> applicationPackages = AutoConfigurationPackages.has(beanFactory)
				? AutoConfigurationPackages.get(beanFactory) : List.of();
		Boolean sanitize = logging.getSanitizeExceptionMessages();
		return new ErrorLogger(logging.getInvalidRequestError(), logging.getIdempotencyError(), logging.getApiError(),
				logging.getClientClosedRequest(), logging.getRequestTimeout(), logging.getDataAccessClientError(),
				logging.getSecurityAlert(), stackTraceInterval, applicationPackages,
				(sanitize != null) ? sanitize : !isStructuredLoggingEverywhere(environment));
	}

	/**
	 * Whether Spring Boot writes every log output as structured logging (JSON), which
	 * escapes line breaks itself: the console, and the file if there is one.
	 */
	private static boolean isStructuredLoggingEverywhere(Environment environment) {
		return StringUtils.hasText(environment.getProperty("logging.structured.format.console"))
				&& (LogFile.get(environment) == null
						|| StringUtils.hasText(environment.getProperty("logging.structured.format.file")));
	}

	@Bean
	@ConditionalOnMissingBean
	RequestIdGenerator augnoRequestIdGenerator() {
		return new DefaultRequestIdGenerator();
	}

	private static Class<? extends Throwable> exceptionClass(String className, String code) {
		String property = "augno.errors.exceptions[" + className + "]";
		String action = "Key " + property.substring(0, property.indexOf('['))
				+ " by the fully qualified name of an exception class on the classpath.";
		Class<?> type;
		try {
			type = ClassUtils.forName(className, AugnoErrorsCoreConfiguration.class.getClassLoader());
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

	/**
	 * Spring MVC's own request failures, whose exception types live in
	 * {@code spring-webmvc} and the servlet API: a WebFlux application without them has
	 * no such failures, and must not load their classes.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(
			name = { "org.springframework.web.servlet.DispatcherServlet", "jakarta.servlet.http.HttpServletRequest" })
	static class SpringMvcConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SpringMvcExceptionMapper augnoSpringMvcExceptionMapper(AugnoErrorsProperties properties) {
			Duration retryAfter = properties.getRequestTimeoutRetryAfter();
			if (retryAfter.isNegative()) {
				throw new InvalidAugnoErrorsConfigurationException("augno.errors.request-timeout-retry-after",
						retryAfter, "must be zero or positive",
						"Set augno.errors.request-timeout-retry-after to a duration such as 1s, or 0 to send none.",
						null);
			}
			return new SpringMvcExceptionMapper(retryAfter);
		}

	}

}
