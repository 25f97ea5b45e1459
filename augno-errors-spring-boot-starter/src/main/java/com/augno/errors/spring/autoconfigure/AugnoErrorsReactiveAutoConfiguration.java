package com.augno.errors.spring.autoconfigure;

import java.util.List;

import com.augno.errors.ErrorFactory;
import com.augno.errors.spring.format.ErrorFormats;
import com.augno.errors.spring.format.ErrorMessages;
import com.augno.errors.spring.format.ErrorRenderer;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.mapping.MultipartLimitExceptionMapper;
import com.augno.errors.spring.mapping.RequestBodyExceptionMapper;
import com.augno.errors.spring.mapping.ServerWebInputExceptionMapper;
import com.augno.errors.spring.mapping.ValidationExceptionMapper;
import com.augno.errors.spring.properties.AugnoErrorsProperties;
import com.augno.errors.spring.reactive.AugnoErrorWebExceptionHandler;
import com.augno.errors.spring.reactive.BootErrorWebExceptionHandler;
import com.augno.errors.spring.reactive.MdcRequestIdAccessor;
import com.augno.errors.spring.reactive.ParameterRulesWebFilter;
import com.augno.errors.spring.reactive.ReactiveErrorPages;
import com.augno.errors.spring.reactive.ReactiveResourceLocationOptimizer;
import com.augno.errors.spring.reactive.RequestIdWebFilter;
import com.augno.errors.spring.web.ErrorListener;
import com.augno.errors.spring.web.ErrorLogger;
import com.augno.errors.spring.web.ErrorResponseRules;
import com.augno.errors.spring.web.ParameterRules;
import com.augno.errors.spring.web.RequestIdGenerator;
import io.micrometer.context.ContextRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webflux.error.DefaultErrorAttributes;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.context.annotation.Import;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.reactive.result.view.ViewResolver;

/**
 * Auto-configuration that answers every failure of a Spring WebFlux application with the
 * Augno error envelope (or the configured format): the shared registry and mapper chain
 * of {@link AugnoErrorsCoreConfiguration}, a request id {@code WebFilter}, and an
 * {@link ErrorWebExceptionHandler} in place of Spring Boot's, which backs off for it. An
 * application's own {@code ErrorWebExceptionHandler} makes it back off, as Spring Boot's
 * does.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AugnoErrorsFormatAutoConfiguration.class,
		beforeName = "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration",
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ DispatcherHandler.class, ErrorWebExceptionHandler.class })
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
@Import(AugnoErrorsCoreConfiguration.class)
public final class AugnoErrorsReactiveAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServerWebInputExceptionMapper augnoServerWebInputExceptionMapper(ValidationExceptionMapper validation,
			RequestBodyExceptionMapper body) {
		return new ServerWebInputExceptionMapper(validation, body);
	}

	@Bean
	@ConditionalOnMissingBean
	MultipartLimitExceptionMapper augnoMultipartLimitExceptionMapper() {
		return new MultipartLimitExceptionMapper();
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorRenderer augnoErrorRenderer(ErrorFactory errorFactory, ObjectProvider<ErrorFormats> formats,
			ObjectProvider<ErrorMessages> messages) {
		return new ErrorRenderer(errorFactory, formats.getIfAvailable(ErrorFormats::augno),
				messages.getIfAvailable(() -> new ErrorMessages(null, errorFactory.registry())));
	}

	// Backs off for the application's own ErrorWebExceptionHandler, as Spring Boot's
	// does: that handler answers the application's failures, with or without the
	// starter.
	@Bean
	@Fallback
	@ConditionalOnMissingBean(value = ErrorWebExceptionHandler.class, search = SearchStrategy.CURRENT)
	AugnoErrorWebExceptionHandler augnoErrorWebExceptionHandler(CompositeExceptionMapper mappers,
			ErrorRenderer renderer, ErrorLogger errorLogger, RequestIdGenerator requestIdGenerator,
			AugnoErrorsProperties properties, ApplicationContext context,
			ObjectProvider<ErrorAttributes> errorAttributes, ObjectProvider<WebProperties> webProperties,
			ObjectProvider<ViewResolver> viewResolvers, ObjectProvider<ServerCodecConfigurer> codecs,
			ObjectProvider<ErrorListener> listeners) throws Exception {
		ErrorResponseRules rules;
		try {
			rules = new ErrorResponseRules(properties.getPaths());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("augno.errors.paths: " + ex.getMessage(), ex);
		}
		// Boot's own handler backs off for ours; built as Boot builds it, for the paths
		// and
		// the pages ours leaves to it.
		WebProperties web = webProperties.getIfAvailable(WebProperties::new);
		BootErrorWebExceptionHandler boot = new BootErrorWebExceptionHandler(
				errorAttributes.getIfAvailable(DefaultErrorAttributes::new), web.getResources(), web.getError(),
				context);
		ServerCodecConfigurer codecConfigurer = codecs.getIfAvailable(ServerCodecConfigurer::create);
		boot.setViewResolvers(viewResolvers.orderedStream().toList());
		boot.setMessageWriters(codecConfigurer.getWriters());
		boot.setMessageReaders(codecConfigurer.getReaders());
		boot.afterPropertiesSet();
		return new AugnoErrorWebExceptionHandler(mappers, renderer, errorLogger, requestIdGenerator,
				properties.getRequestId().getResponseHeader(), rules, boot, new ReactiveErrorPages(context,
						List.of(web.getResources().getStaticLocations()), web.getError().getWhitelabel().isEnabled()),
				listeners.orderedStream().toList());
	}

	@Bean
	@Fallback
	@ConditionalOnMissingBean
	RequestIdWebFilter augnoRequestIdWebFilter(RequestIdGenerator requestIdGenerator,
			AugnoErrorsProperties properties) {
		AugnoErrorsProperties.RequestId requestId = properties.getRequestId();
		return new RequestIdWebFilter(requestIdGenerator, requestId.getResponseHeader(), requestId.getTrustedHeader());
	}

	@Bean
	@Fallback
	@ConditionalOnMissingBean
	ParameterRulesWebFilter augnoParameterRulesWebFilter(AugnoErrorsProperties properties,
			ObjectProvider<RequestMappingHandlerMapping> handlerMappings) {
		return new ParameterRulesWebFilter(new ParameterRules(properties.isRejectUnknownParameters()), handlerMappings);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "augno.errors.optimize-resource-locations", matchIfMissing = true)
	static ReactiveResourceLocationOptimizer augnoResourceLocationOptimizer() {
		return new ReactiveResourceLocationOptimizer();
	}

	/**
	 * The request id in the MDC of a reactive request's log lines, through Micrometer
	 * context propagation.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ContextRegistry.class)
	static class ContextPropagationConfiguration {

		ContextPropagationConfiguration() {
			ContextRegistry.getInstance().registerThreadLocalAccessor(new MdcRequestIdAccessor());
		}

	}

}
