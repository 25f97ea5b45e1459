package com.augno.errors.spring.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/**
 * Sets the envelope-writing access denied handler on every {@code ServerHttpSecurity},
 * for its authorization rules and for its CSRF filter. Spring Security applies a bean of
 * this type before the application's own configuration (and before Spring Boot's default
 * chain is built), so an access denied handler the application sets in its
 * {@code SecurityWebFilterChain} replaces this one. The entry point is left alone: Spring
 * Security picks it from the mechanisms when the chain is built, and
 * {@link EntryPointEnvelopeWebFilter} adds the envelope to what it does.
 *
 * @since 0.1.0
 */
public final class AugnoServerExceptionHandlingCustomizer implements Customizer<ServerHttpSecurity> {

	private final ServerAccessDeniedHandler accessDeniedHandler;

	/**
	 * Create a customizer.
	 * @param accessDeniedHandler the access denied handler to set
	 */
	public AugnoServerExceptionHandlingCustomizer(ServerAccessDeniedHandler accessDeniedHandler) {
		this.accessDeniedHandler = accessDeniedHandler;
	}

	@Override
	public void customize(ServerHttpSecurity http) {
		// For the authorization rules, told whether the chain has a resource server,
		// whose handler would answer its denials without the starter.
		http.exceptionHandling((exceptionHandling) -> exceptionHandling
			.accessDeniedHandler(ServerBearerScopeChallenge.forChain(http, this.accessDeniedHandler)));
		// The CSRF filter has a denied handler of its own, Spring Security's plain-text
		// 403; an application that configures CSRF after this keeps what it sets, and one
		// that disables it keeps it disabled.
		http.csrf((csrf) -> csrf.accessDeniedHandler(this.accessDeniedHandler));
		// Tells the entry point's redirect (a login form's) from the chain's others.
		http.addFilterAfter(EntryPointEnvelopeWebFilter.entryPointMarker(),
				SecurityWebFiltersOrder.EXCEPTION_TRANSLATION);
	}

}
