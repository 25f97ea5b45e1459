package com.augno.errors.spring.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Makes every {@code HttpSecurity} answer with the envelope: registers the
 * envelope-writing access denied handler as the default one, and puts the envelope around
 * the authentication entry point Spring Security chooses (see
 * {@link EnvelopeExceptionTranslation}), so that HTTP Basic's challenge, a login form's
 * redirect for a browser and a resource server's bearer challenge survive. Spring
 * Security applies a bean of this type before the application's own configuration, so an
 * access denied handler the application sets in its {@code SecurityFilterChain} replaces
 * this one, and an entry point it sets is the one the envelope is put around. The handler
 * is a default, not the chain's handler, so that Spring Security still sends a user who
 * lacks a second factor (multi-factor authentication's {@code FACTOR_*} authorities) to
 * that factor's login: an explicit handler would replace that step too.
 *
 * @since 0.1.0
 */
public final class AugnoExceptionHandlingCustomizer implements Customizer<HttpSecurity> {

	private final AugnoAuthenticationEntryPoint entryPoint;

	private final AccessDeniedHandler accessDeniedHandler;

	/**
	 * Create a customizer.
	 * @param entryPoint writes the envelope for a request that needs authentication
	 * @param accessDeniedHandler the default access denied handler
	 */
	public AugnoExceptionHandlingCustomizer(AugnoAuthenticationEntryPoint entryPoint,
			AccessDeniedHandler accessDeniedHandler) {
		this.entryPoint = entryPoint;
		this.accessDeniedHandler = accessDeniedHandler;
	}

	@Override
	public void customize(HttpSecurity http) {
		http.exceptionHandling((exceptionHandling) -> exceptionHandling
			.defaultAccessDeniedHandlerFor(this.accessDeniedHandler, AnyRequestMatcher.INSTANCE)
			.withObjectPostProcessor(new EnvelopeExceptionTranslation(http, this.entryPoint)));
	}

}
