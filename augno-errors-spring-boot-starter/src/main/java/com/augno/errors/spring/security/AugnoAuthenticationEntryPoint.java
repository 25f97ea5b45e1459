package com.augno.errors.spring.security;

import java.io.IOException;

import com.augno.errors.spring.web.ErrorResponseHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request that needs authentication with the envelope, through the same
 * {@link ErrorResponseHandler} as every other failure; a {@code WWW-Authenticate} header
 * already on the response is kept.
 *
 * @since 0.1.0
 */
public final class AugnoAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ErrorResponseHandler handler;

	/**
	 * Create an entry point.
	 * @param handler answers the failure
	 */
	public AugnoAuthenticationEntryPoint(ErrorResponseHandler handler) {
		this.handler = handler;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.handler.handle(request, response, authException);
	}

}
