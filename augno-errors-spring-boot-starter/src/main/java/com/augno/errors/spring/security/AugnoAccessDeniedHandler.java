package com.augno.errors.spring.security;

import java.io.IOException;

import com.augno.errors.spring.servlet.ErrorResponseHandler;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers an authenticated request that an authorization rule denied with the envelope,
 * through the same {@link ErrorResponseHandler} as every other failure; a caller
 * authenticated by an OAuth2 bearer token also gets the resource server's
 * {@code insufficient_scope} challenge, as its own handler would set.
 *
 * @since 0.1.0
 */
public final class AugnoAccessDeniedHandler implements AccessDeniedHandler {

	private final ErrorResponseHandler handler;

	/**
	 * Create a handler.
	 * @param handler answers the failure
	 */
	public AugnoAccessDeniedHandler(ErrorResponseHandler handler) {
		this.handler = handler;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException, ServletException {
		BearerScopeChallenge.addIfTokenAuthenticated(request, response, accessDeniedException);
		this.handler.handle(request, response, accessDeniedException);
	}

}
