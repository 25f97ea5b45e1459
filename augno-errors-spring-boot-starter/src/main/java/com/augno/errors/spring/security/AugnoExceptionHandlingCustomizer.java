package com.augno.errors.spring.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Sets the envelope-writing entry point and access denied handler on every
 * {@code HttpSecurity}. Spring Security applies a bean of this type before the
 * application's own configuration, so an entry point or handler the application sets in
 * its {@code SecurityFilterChain} replaces these.
 *
 * @since 0.1.0
 */
public final class AugnoExceptionHandlingCustomizer implements Customizer<ExceptionHandlingConfigurer<HttpSecurity>> {

	private final AuthenticationEntryPoint entryPoint;

	private final AccessDeniedHandler accessDeniedHandler;

	/**
	 * Create a customizer.
	 * @param entryPoint the entry point to set
	 * @param accessDeniedHandler the access denied handler to set
	 */
	public AugnoExceptionHandlingCustomizer(AuthenticationEntryPoint entryPoint,
			AccessDeniedHandler accessDeniedHandler) {
		this.entryPoint = entryPoint;
		this.accessDeniedHandler = accessDeniedHandler;
	}

	@Override
	public void customize(ExceptionHandlingConfigurer<HttpSecurity> exceptionHandling) {
		exceptionHandling.authenticationEntryPoint(this.entryPoint).accessDeniedHandler(this.accessDeniedHandler);
	}

}
