package com.augno.errors.spring.autoconfigure;

import com.augno.errors.ErrorFactory;
import com.augno.errors.spring.mapping.AugnoExceptionMapper;
import com.augno.errors.spring.properties.AugnoErrorsProperties;
import com.augno.errors.spring.security.AugnoAccessDeniedHandler;
import com.augno.errors.spring.security.AugnoAuthenticationEntryPoint;
import com.augno.errors.spring.security.AugnoExceptionHandlingCustomizer;
import com.augno.errors.spring.security.AugnoRequestRejectedHandler;
import com.augno.errors.spring.security.AuthenticationFailureRecorder;
import com.augno.errors.spring.security.BearerTokenExceptionMapper;
import com.augno.errors.spring.security.SecurityContextErrorPageScope;
import com.augno.errors.spring.security.SecurityExceptionMapper;
import com.augno.errors.spring.servlet.ErrorPageScope;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.firewall.CompositeRequestRejectedHandler;
import org.springframework.security.web.firewall.ObservationMarkingRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Auto-configuration that makes Spring Security answer with the envelope: an entry point
 * and access denied handler set on every {@code HttpSecurity} before the application's
 * own configuration (which may replace them), the firewall's rejections, and the mappers
 * for Spring Security's exceptions.
 *
 * @since 0.1.0
 */
// After the core: every bean here needs its ErrorResponseHandler.
@AutoConfiguration(after = AugnoErrorsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ AuthenticationEntryPoint.class, HttpSecurity.class })
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
@ConditionalOnBean(ErrorResponseHandler.class)
public final class AugnoErrorsSecurityAutoConfiguration {

	@Bean
	@Fallback
	@ConditionalOnMissingBean
	AugnoAuthenticationEntryPoint augnoAuthenticationEntryPoint(ErrorResponseHandler handler,
			AugnoErrorsProperties properties) {
		return new AugnoAuthenticationEntryPoint(handler, properties.getSecurity().getWwwAuthenticate());
	}

	@Bean
	@Fallback
	@ConditionalOnMissingBean
	AugnoAccessDeniedHandler augnoAccessDeniedHandler(ErrorResponseHandler handler) {
		return new AugnoAccessDeniedHandler(handler);
	}

	@Bean
	@Fallback
	@ConditionalOnMissingBean
	AugnoExceptionHandlingCustomizer augnoExceptionHandlingCustomizer(AugnoAuthenticationEntryPoint entryPoint,
			AugnoAccessDeniedHandler accessDeniedHandler) {
		return new AugnoExceptionHandlingCustomizer(entryPoint, accessDeniedHandler);
	}

	/**
	 * The signed-in user on an error page rendered after the filter chain returned.
	 */
	@Bean
	@ConditionalOnMissingBean(ErrorPageScope.class)
	SecurityContextErrorPageScope augnoSecurityContextErrorPageScope(ObjectProvider<FilterChainProxy> filterChains,
			ObjectProvider<SecurityContextHolderStrategy> holder,
			ObjectProvider<GrantedAuthorityDefaults> authorityDefaults) {
		GrantedAuthorityDefaults defaults = authorityDefaults.getIfUnique();
		return new SecurityContextErrorPageScope(filterChains,
				holder.getIfUnique(SecurityContextHolder::getContextHolderStrategy),
				(defaults != null) ? defaults.getRolePrefix() : "ROLE_");
	}

	/**
	 * The firewall's rejections, which {@code WebSecurity} takes from the context; marked
	 * on the request's observation as Spring Security's default handler does.
	 */
	@Bean
	@ConditionalOnMissingBean
	RequestRejectedHandler augnoRequestRejectedHandler(ErrorResponseHandler handler,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		AugnoRequestRejectedHandler envelope = new AugnoRequestRejectedHandler(handler);
		ObservationRegistry registry = observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP);
		if (registry.isNoop()) {
			return envelope;
		}
		return new CompositeRequestRejectedHandler(new ObservationMarkingRequestRejectedHandler(registry), envelope);
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityExceptionMapper augnoSecurityExceptionMapper(ErrorFactory errorFactory) {
		return new SecurityExceptionMapper(new AugnoExceptionMapper(errorFactory));
	}

	@Bean
	@ConditionalOnMissingBean
	AuthenticationFailureRecorder augnoAuthenticationFailureRecorder() {
		return new AuthenticationFailureRecorder();
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
