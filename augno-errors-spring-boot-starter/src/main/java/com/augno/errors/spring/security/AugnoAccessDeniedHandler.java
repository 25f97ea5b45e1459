package com.augno.errors.spring.security;

import java.io.IOException;

import com.augno.errors.spring.servlet.ErrorResponseHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers an authenticated request that an authorization rule denied with the envelope,
 * through the same {@link ErrorResponseHandler} as every other failure.
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
			AccessDeniedException accessDeniedException) throws IOException {
		this.handler.handle(request, response, accessDeniedException);
	}

}
