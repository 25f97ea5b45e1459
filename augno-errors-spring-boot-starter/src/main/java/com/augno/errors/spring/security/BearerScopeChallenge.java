package com.augno.errors.spring.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.util.ClassUtils;

/**
 * The {@code WWW-Authenticate: Bearer error="insufficient_scope"} challenge that an
 * OAuth2 resource server's own access denied handler sets for a caller authenticated by a
 * token, added before the envelope is written: RFC 6750 clients read it to ask for a
 * token with more scope. Only a class reference of the starter's handler, loaded when the
 * resource server is on the class path.
 *
 * @since 0.1.0
 */
final class BearerScopeChallenge {

	private static final boolean PRESENT = ClassUtils.isPresent(
			"org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler",
			BearerScopeChallenge.class.getClassLoader());

	private BearerScopeChallenge() {
	}

	/**
	 * Set the resource server's challenge on the response when the request's caller was
	 * authenticated by a bearer token.
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
			if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?>
					|| request.getUserPrincipal() instanceof AbstractOAuth2TokenAuthenticationToken<?>) {
				// Sets the status (403) and the challenge; sends nothing.
				HANDLER.handle(request, new EntryPointResponse(response), denied);
			}
		}

	}

}
