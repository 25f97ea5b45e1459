package com.augno.errors.spring.autoconfigure;

import com.augno.errors.ErrorFactory;
import com.augno.errors.spring.mapping.AugnoExceptionMapper;
import com.augno.errors.spring.properties.AugnoErrorsProperties;
import com.augno.errors.spring.reactive.AugnoErrorWebExceptionHandler;
import com.augno.errors.spring.security.AugnoServerAccessDeniedHandler;
import com.augno.errors.spring.security.AugnoServerExceptionHandlingCustomizer;
import com.augno.errors.spring.security.BearerTokenExceptionMapper;
import com.augno.errors.spring.security.EntryPointEnvelopeWebFilter;
import com.augno.errors.spring.security.SecurityExceptionMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration that makes Spring Security on WebFlux answer with the envelope, as
 * {@link AugnoErrorsSecurityAutoConfiguration} does on Spring MVC: an access denied
 * handler set on every {@code ServerHttpSecurity} before the application's own
 * configuration (which may replace it), the envelope added around whatever entry point
 * the chain chose, and the mappers for Spring Security's exceptions.
 *
 * @since 0.1.0
 */
// After the reactive core: every bean here needs its AugnoErrorWebExceptionHandler.
@AutoConfiguration(after = AugnoErrorsReactiveAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ ServerAccessDeniedHandler.class, ServerHttpSecurity.class })
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
@ConditionalOnBean(AugnoErrorWebExceptionHandler.class)
public final class AugnoErrorsReactiveSecurityAutoConfiguration {

	@Bean
	@Fallback
	@ConditionalOnMissingBean
	AugnoServerAccessDeniedHandler augnoServerAccessDeniedHandler(AugnoErrorWebExceptionHandler handler) {
		return new AugnoServerAccessDeniedHandler(handler);
	}

	@Bean
	@Fallback
	@ConditionalOnMissingBean
	AugnoServerExceptionHandlingCustomizer augnoServerExceptionHandlingCustomizer(
			AugnoServerAccessDeniedHandler accessDeniedHandler) {
		return new AugnoServerExceptionHandlingCustomizer(accessDeniedHandler);
	}

	@Bean
	@Fallback
	@ConditionalOnMissingBean
	EntryPointEnvelopeWebFilter augnoEntryPointEnvelopeWebFilter(AugnoErrorWebExceptionHandler handler,
			AugnoErrorsProperties properties) {
		return new EntryPointEnvelopeWebFilter(handler, properties.getSecurity().getWwwAuthenticate());
	}

	@Bean
	@Fallback
	@ConditionalOnMissingBean(name = "augnoSecurityPassedMarker")
	WebFilter augnoSecurityPassedMarker() {
		return EntryPointEnvelopeWebFilter.passedMarker();
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityExceptionMapper augnoSecurityExceptionMapper(ErrorFactory errorFactory) {
		return new SecurityExceptionMapper(new AugnoExceptionMapper(errorFactory));
	}

	/**
	 * The OAuth2 resource server's bearer token failures.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.security.oauth2.server.resource.InvalidBearerTokenException",
			"org.springframework.security.oauth2.jwt.JwtValidationException" })
	static class BearerTokenConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BearerTokenExceptionMapper augnoBearerTokenExceptionMapper() {
			return new BearerTokenExceptionMapper();
		}

	}

}
