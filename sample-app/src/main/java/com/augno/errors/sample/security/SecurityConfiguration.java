package com.augno.errors.sample.security;

import com.augno.errors.sample.platform.ApiKeys;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * The sample's security: every endpoint but registration needs an API key, and changing
 * an account user needs a key that may write. It says nothing about error handling: the
 * starter wires its entry point and access-denied handler into this chain by itself.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys apiKeys,
			ObjectProvider<AuthenticationEntryPoint> entryPoints) throws Exception {
		// The starter's entry point. bench/startup.sh also starts the sample with
		// augno.errors.enabled=false, where there is none: a bare 401 keeps it starting.
		AuthenticationEntryPoint entryPoint = entryPoints
			.getIfAvailable(() -> new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
		return http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, entryPoint), AnonymousAuthenticationFilter.class)
			// Async and error dispatches carry on a request that was already authorized.
			.authorizeHttpRequests(
					(requests) -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
						.permitAll()
						.requestMatchers(HttpMethod.POST, "/v1/auth/users")
						.permitAll()
						.requestMatchers("/error")
						.permitAll()
						.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
						.permitAll()
						// The error reference page and catalogue are public
						// documentation.
						.requestMatchers(HttpMethod.GET, "/errors", "/errors.json")
						.permitAll()
						.requestMatchers(HttpMethod.HEAD, "/errors", "/errors.json")
						.permitAll()
						.requestMatchers(HttpMethod.PATCH, "/v1/identity/**")
						.hasAuthority("SCOPE_write")
						.anyRequest()
						.authenticated())
			.build();
	}

}
