package com.augno.errors.spring.autoconfigure;

import java.util.List;

import com.augno.errors.spring.properties.AugnoErrorsProperties;
import com.augno.errors.spring.versioning.ApiVersionExceptionMapper;
import com.augno.errors.spring.versioning.ApiVersionMappings;
import com.augno.errors.spring.versioning.DateApiVersionParser;
import com.augno.errors.spring.versioning.ReactiveVersionedMappings;
import com.augno.errors.spring.versioning.VersionedMappings;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.web.accept.ApiVersionParser;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.servlet.config.annotation.ApiVersionConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Auto-configuration of date-based API versioning in the {@code Augno-Version} header, on
 * Spring Framework's API versioning, and of the api_version_* errors, when
 * {@code augno.errors.api-version.enabled} is set, on Spring MVC and on Spring WebFlux.
 * What {@code spring.mvc.apiversion.*} or {@code spring.webflux.apiversion.*} configures
 * still applies.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AugnoErrorsAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnClass(ApiVersionParser.class)
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("augno.errors.api-version.enabled")
@EnableConfigurationProperties(AugnoErrorsProperties.class)
public final class AugnoErrorsApiVersioningAutoConfiguration {

	// Boot's WebMvcAutoConfiguration uses the single ApiVersionParser bean.
	@Bean
	@ConditionalOnMissingBean(ApiVersionParser.class)
	DateApiVersionParser augnoApiVersionParser() {
		return new DateApiVersionParser();
	}

	@Bean
	@ConditionalOnMissingBean
	ApiVersionExceptionMapper augnoApiVersionExceptionMapper(AugnoErrorsProperties properties,
			ApiVersionParser<?> parser, ApiVersionMappings mappings) {
		AugnoErrorsProperties.ApiVersion apiVersion = properties.getApiVersion();
		List<String> supported = apiVersion.getSupported();
		for (int i = 0; i < supported.size(); i++) {
			checkVersion(parser, "augno.errors.api-version.supported[" + i + "]", supported.get(i));
		}
		checkVersion(parser, "augno.errors.api-version.minimum", apiVersion.getMinimum());
		checkVersion(parser, "augno.errors.api-version.latest", apiVersion.getLatest());
		return new ApiVersionExceptionMapper(apiVersion.getHeader(), parser, supported, apiVersion.getMinimum(),
				apiVersion.getLatest(), mappings);
	}

	private static void checkVersion(ApiVersionParser<?> parser, String property, @Nullable String version) {
		if (version == null) {
			return;
		}
		try {
			parser.parseVersion(version);
		}
		catch (RuntimeException ex) {
			throw new InvalidAugnoErrorsConfigurationException(property, version,
					"not an API version: " + ex.getMessage(),
					"Write API versions as dates such as 2024-06-01 (or in the format of your ApiVersionParser bean).",
					ex);
		}
	}

	/**
	 * The header on Spring MVC, and the versioned mappings it indexes.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(RequestMappingHandlerMapping.class)
	static class ServletApiVersioningConfiguration {

		@Bean
		@ConditionalOnMissingBean
		VersionedMappings augnoVersionedMappings(ObjectProvider<RequestMappingHandlerMapping> handlerMappings) {
			return new VersionedMappings(handlerMappings);
		}

		@Bean
		@Fallback
		WebMvcConfigurer augnoApiVersionWebMvcConfigurer(AugnoErrorsProperties properties) {
			AugnoErrorsProperties.ApiVersion apiVersion = properties.getApiVersion();
			return new WebMvcConfigurer() {
				@Override
				public void configureApiVersioning(ApiVersionConfigurer configurer) {
					configurer.useRequestHeader(apiVersion.getHeader());
					configurer.addSupportedVersions(apiVersion.getSupported().toArray(String[]::new));
				}
			};
		}

	}

	/**
	 * The header on Spring WebFlux, and the versions its mappings declare.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping.class)
	static class ReactiveApiVersioningConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveVersionedMappings augnoReactiveVersionedMappings(
				ObjectProvider<org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping> handlerMappings) {
			return new ReactiveVersionedMappings(handlerMappings);
		}

		@Bean
		@Fallback
		WebFluxConfigurer augnoApiVersionWebFluxConfigurer(AugnoErrorsProperties properties) {
			AugnoErrorsProperties.ApiVersion apiVersion = properties.getApiVersion();
			return new WebFluxConfigurer() {
				@Override
				public void configureApiVersioning(
						org.springframework.web.reactive.config.ApiVersionConfigurer configurer) {
					configurer.useRequestHeader(apiVersion.getHeader());
					configurer.addSupportedVersions(apiVersion.getSupported().toArray(String[]::new));
				}
			};
		}

	}

}
