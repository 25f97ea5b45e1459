package com.augno.errors.spring.autoconfigure;

import com.augno.errors.ErrorFactory;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.openapi.ApplicationAnsweredCodes;
import com.augno.errors.spring.openapi.ErrorCodesOperationCustomizer;
import com.augno.errors.spring.openapi.ErrorResponses;
import com.augno.errors.spring.openapi.ErrorResponsesOpenApiCustomizer;
import com.augno.errors.spring.openapi.OperationAccess;
import com.augno.errors.spring.openapi.OperationErrorRules;
import com.augno.errors.spring.properties.AugnoErrorsOpenApiProperties;
import com.augno.errors.spring.properties.AugnoErrorsProperties;
import com.augno.errors.spring.security.SecurityFilterChainOperationAccess;
import com.augno.errors.spring.servlet.ApplicationExceptionHandlers;
import com.augno.errors.spring.servlet.ErrorResponseWriter;
import jakarta.servlet.ServletContext;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Auto-configuration of the springdoc-openapi integration: the envelope's schemas and
 * every operation's error responses, from the registry the server answers with.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AugnoErrorsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@ConditionalOnBean({ ErrorRegistry.class, ErrorFactory.class, ErrorResponseWriter.class, AugnoErrorsProperties.class })
@ConditionalOnBooleanProperty(name = "augno.errors.openapi.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AugnoErrorsOpenApiProperties.class)
public final class AugnoErrorsOpenApiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OperationErrorRules augnoOperationErrorRules(ErrorRegistry registry, AugnoErrorsProperties properties,
			ObjectProvider<RequestMappingHandlerMapping> handlerMappings) {
		return new OperationErrorRules(registry, properties.isRejectUnknownParameters(), () -> {
			RequestMappingHandlerMapping mapping = handlerMappings.getIfUnique();
			ApiVersionStrategy strategy = (mapping != null) ? mapping.getApiVersionStrategy() : null;
			return (strategy != null) ? new OperationErrorRules.ApiVersioning(strategy.getDefaultVersion() == null)
					: null;
		});
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorResponses augnoErrorResponses(ErrorFactory errorFactory, ErrorResponseWriter writer) {
		return new ErrorResponses(errorFactory, writer);
	}

	@Bean
	@ConditionalOnMissingBean
	ApplicationAnsweredCodes augnoApplicationAnsweredCodes(ApplicationContext context) {
		return new ApplicationAnsweredCodes(
				ApplicationExceptionHandlers.of(() -> ControllerAdviceBean.findAnnotatedBeans(context)));
	}

	@Bean
	@Fallback
	@ConditionalOnMissingBean
	ErrorCodesOperationCustomizer augnoErrorCodesOperationCustomizer(OperationErrorRules rules,
			ApplicationAnsweredCodes answeredCodes) {
		return new ErrorCodesOperationCustomizer(rules, answeredCodes);
	}

	@Bean
	@Fallback
	@ConditionalOnMissingBean
	ErrorResponsesOpenApiCustomizer augnoErrorResponsesOpenApiCustomizer(ErrorRegistry registry,
			ErrorResponses responses, ObjectProvider<OperationAccess> access, AugnoErrorsProperties properties,
			ApplicationAnsweredCodes answeredCodes) {
		return new ErrorResponsesOpenApiCustomizer(registry, responses,
				access.getIfAvailable(() -> (method, path) -> OperationAccess.Access.PUBLIC), properties.getPaths(),
				answeredCodes);
	}

	/**
	 * Spring Security's URL rules decide which operations list {@code 401} and
	 * {@code 403}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(FilterChainProxy.class)
	static class SecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OperationAccess augnoOperationAccess(ObjectProvider<FilterChainProxy> filterChains,
				ObjectProvider<ServletContext> servletContext) {
			return new SecurityFilterChainOperationAccess(filterChains, servletContext);
		}

	}

}
