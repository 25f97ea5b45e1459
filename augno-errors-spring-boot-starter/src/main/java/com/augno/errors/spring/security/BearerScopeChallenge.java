package com.augno.errors.spring.security;

import java.io.IOException;
import java.lang.reflect.Field;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The {@code WWW-Authenticate: Bearer error="insufficient_scope"} challenge that an
 * OAuth2 resource server's own access denied handler sets for a caller authenticated by a
 * token, added before the envelope is written: RFC 6750 clients read it to ask for a
 * token with more scope. Without the starter, that handler is the only default access
 * denied handler of a filter chain with {@code oauth2ResourceServer()}, so it answers
 * every denial of the chain's authorization rules, and a caller authenticated otherwise
 * (HTTP Basic in the same chain) gets a bare {@code WWW-Authenticate: Bearer}: kept too.
 * Only a class reference of the starter's handler, loaded when the resource server is on
 * the class path.
 *
 * @since 0.1.0
 */
final class BearerScopeChallenge {

	private static final boolean PRESENT = ClassUtils.isPresent(
			"org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler",
			BearerScopeChallenge.class.getClassLoader());

	/**
	 * Marks a request whose denial is answered for a filter chain with a resource server.
	 */
	static final String RESOURCE_SERVER_CHAIN_ATTRIBUTE = BearerScopeChallenge.class.getName() + ".resourceServerChain";

	/**
	 * Holds the access denied handler the application gave the resource server of the
	 * request's filter chain, which answers the denial instead of the starter's.
	 */
	static final String RESOURCE_SERVER_HANDLER_ATTRIBUTE = BearerScopeChallenge.class.getName()
			+ ".resourceServerHandler";

	private BearerScopeChallenge() {
	}

	/**
	 * Return whether a filter chain has a resource server
	 * ({@code oauth2ResourceServer()}).
	 * @param http the chain's configuration, once configured
	 * @return whether its denials get the resource server's challenge
	 */
	static boolean isResourceServerChain(HttpSecurity http) {
		return PRESENT && Challenge.isResourceServerChain(http);
	}

	/**
	 * Return the access denied handler the application gave a filter chain's resource
	 * server ({@code oauth2ResourceServer(s -> s.accessDeniedHandler(...))}): without the
	 * starter, the chain's only default handler, which answers every denial of its
	 * authorization rules. {@code OAuth2ResourceServerConfigurer} keeps it in a private
	 * field only, read once per chain; where that cannot be read, or the handler is
	 * Spring Security's own, {@code null}.
	 * @param http the chain's configuration, once configured
	 * @return the application's handler, or {@code null}
	 */
	static @Nullable AccessDeniedHandler applicationHandler(HttpSecurity http) {
		return PRESENT ? Challenge.applicationHandler(http) : null;
	}

	/**
	 * Return the application's own access denied handler of the resource server of the
	 * request's filter chain, marked by {@link #RESOURCE_SERVER_HANDLER_ATTRIBUTE}.
	 * @param request the request
	 * @return the handler, or {@code null}
	 */
	static @Nullable AccessDeniedHandler applicationHandlerOf(HttpServletRequest request) {
		return (request.getAttribute(RESOURCE_SERVER_HANDLER_ATTRIBUTE) instanceof AccessDeniedHandler handler)
				? handler : null;
	}

	/**
	 * Set the resource server's challenge on the response when the request's caller was
	 * authenticated by a bearer token, or when the request is marked with
	 * {@link #RESOURCE_SERVER_CHAIN_ATTRIBUTE}.
	 * @param request the request
	 * @param response the response
	 * @param denied the denial
	 * @throws IOException never, in practice
	 * @throws ServletException never, in practice
	 */
	static void addIfTokenAuthenticated(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException denied) throws IOException, ServletException {
		if (PRESENT) {
			Challenge.add(request, response, denied);
		}
	}

	private static final class Challenge {

		private static final BearerTokenAccessDeniedHandler HANDLER = new BearerTokenAccessDeniedHandler();

		static void add(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
				throws IOException, ServletException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (request.getAttribute(RESOURCE_SERVER_CHAIN_ATTRIBUTE) != null
					|| authentication instanceof AbstractOAuth2TokenAuthenticationToken<?>
					|| request.getUserPrincipal() instanceof AbstractOAuth2TokenAuthenticationToken<?>) {
				// Sets the status (403) and the challenge, with insufficient_scope for a
				// token's caller; sends nothing.
				HANDLER.handle(request, new EntryPointResponse(response), denied);
			}
		}

		private static final @Nullable Field ACCESS_DENIED_HANDLER = ReflectionUtils
			.findField(OAuth2ResourceServerConfigurer.class, "accessDeniedHandler");

		@SuppressWarnings("unchecked") // The configurer's class is generic.
		static boolean isResourceServerChain(HttpSecurity http) {
			return http.getConfigurer(OAuth2ResourceServerConfigurer.class) != null;
		}

		@SuppressWarnings("unchecked") // The configurer's class is generic.
		static @Nullable AccessDeniedHandler applicationHandler(HttpSecurity http) {
			OAuth2ResourceServerConfigurer<HttpSecurity> configurer = http
				.getConfigurer(OAuth2ResourceServerConfigurer.class);
			if (configurer == null) {
				return null;
			}
			// The configurer's default wraps Spring Security's bearer token handler.
			return (PrivateFields.read(ACCESS_DENIED_HANDLER, configurer) instanceof AccessDeniedHandler own
					&& !(own instanceof DelegatingAccessDeniedHandler)
					&& !(own instanceof BearerTokenAccessDeniedHandler)) ? own : null;
		}

	}

}
