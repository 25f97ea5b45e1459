package com.augno.errors.spring.autoconfigure;

import com.augno.errors.spring.properties.AugnoErrorsProperties;
import com.augno.errors.spring.versioning.ApiVersionExceptionMapper;
import com.augno.errors.spring.versioning.DateApiVersionParser;
import com.augno.errors.spring.versioning.VersionedMappings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.accept.ApiVersionParser;
import org.springframework.web.servlet.config.annotation.ApiVersionConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Auto-configuration of date-based API versioning in the {@code Augno-Version} header, on
 * Spring Framework's API versioning, and of the api_version_* errors, when
 * {@code augno.errors.api-version.enabled} is set. What {@code spring.mvc.apiversion.*}
 * configures still applies.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AugnoErrorsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ ApiVersionParser.class, RequestMappingHandlerMapping.class })
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
	VersionedMappings augnoVersionedMappings(ObjectProvider<RequestMappingHandlerMapping> handlerMappings) {
		return new VersionedMappings(handlerMappings);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiVersionExceptionMapper augnoApiVersionExceptionMapper(AugnoErrorsProperties properties,
			ApiVersionParser<?> parser, VersionedMappings mappings) {
		AugnoErrorsProperties.ApiVersion apiVersion = properties.getApiVersion();
		try {
			return new ApiVersionExceptionMapper(apiVersion.getHeader(), parser, apiVersion.getSupported(),
					apiVersion.getMinimum(), apiVersion.getLatest(), mappings);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("augno.errors.api-version: " + ex.getMessage(), ex);
		}
	}

	@Bean
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
