package com.augno.errors.spring.security;

import java.io.IOException;

import com.augno.errors.spring.web.ErrorResponseHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.StringUtils;

/**
 * Answers a request that needs authentication with the envelope, through the same
 * {@link ErrorResponseHandler} as every other failure. A {@code WWW-Authenticate} header
 * already on the response is kept; without one, the configured challenge is sent, since a
 * 401 must name how to authenticate and this entry point replaces the mechanisms' own.
 *
 * @since 0.1.0
 */
public final class AugnoAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ErrorResponseHandler handler;

	private final @Nullable String challenge;

	/**
	 * Create an entry point.
	 * @param handler answers the failure
	 * @param challenge the {@code WWW-Authenticate} value sent when none is set, or
	 * {@code null} (or empty) to send none
	 */
	public AugnoAuthenticationEntryPoint(ErrorResponseHandler handler, @Nullable String challenge) {
		this.handler = handler;
		this.challenge = StringUtils.hasText(challenge) ? challenge : null;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (this.challenge != null && !(authException instanceof AuthenticationServiceException)
				&& !response.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, this.challenge);
		}
		this.handler.handle(request, response, authException);
	}

}
