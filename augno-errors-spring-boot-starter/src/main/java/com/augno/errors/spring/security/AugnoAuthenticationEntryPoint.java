package com.augno.errors.spring.security;

import java.io.IOException;
import java.util.function.Predicate;

import com.augno.errors.spring.servlet.ErrorResponseHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.StringUtils;

/**
 * Answers a request that needs authentication with the envelope, through the same
 * {@link ErrorResponseHandler} as every other failure. A {@code WWW-Authenticate} header
 * already on the response (the authentication mechanism's challenge) is kept; without
 * one, the configured challenge is sent, since a 401 must name how to authenticate.
 * <p>
 * When the request only lacks authentication but carried an {@code Authorization} header
 * that no mechanism accepted, its credentials are answered as incorrect rather than
 * missing; when a mechanism recorded why it rejected them (see
 * {@link AuthenticationFailureRecorder}), that failure is answered: after HTTP Basic
 * rejected expired credentials, Spring Security sends the error dispatch through the
 * filter chain again and, unless the application permits its error path, only says there
 * that authentication is missing.
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
		AuthenticationException failure = failure(request, authException);
		if (!(failure instanceof AuthenticationServiceException)) {
			challenge(response);
		}
		this.handler.handle(request, response, failure);
	}

	/**
	 * Answer with the envelope for the error status an authentication mechanism chose.
	 * @param request the request
	 * @param response the response
	 * @param authException the exception the mechanism was started for
	 * @param status the status the mechanism chose
	 * @param challenge whether to send the configured challenge with a 401 that has none
	 * @throws IOException if writing the response fails
	 */
	void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException authException,
			int status, boolean challenge) throws IOException {
		if (challenge && status == HttpStatus.UNAUTHORIZED.value()) {
			challenge(response);
		}
		request.setAttribute(ErrorResponseHandler.FAILURE_ATTRIBUTE, failure(request, authException));
		this.handler.respondToStatus(request, response, status);
	}

	/**
	 * Leave the answers to some requests as their protocol makes them; see
	 * {@link ErrorResponseHandler#leaveOwnAnswers}.
	 */
	void leaveOwnAnswers(Predicate<HttpServletRequest> requests) {
		this.handler.leaveOwnAnswers(requests);
	}

	/**
	 * Return whether the starter answers the failures of a request: whether it is within
	 * {@code augno.errors.paths}.
	 */
	boolean answers(HttpServletRequest request) {
		return this.handler.getDecision().isEnveloped(request);
	}

	private void challenge(HttpServletResponse response) {
		if (this.challenge != null && !response.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, this.challenge);
		}
	}

	private static AuthenticationException failure(HttpServletRequest request, AuthenticationException authException) {
		if (!(authException instanceof InsufficientAuthenticationException)) {
			return authException;
		}
		if (request.getAttribute(ErrorResponseHandler.FAILURE_ATTRIBUTE) instanceof AuthenticationException recorded) {
			return recorded;
		}
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			// Credentials no mechanism accepted (another scheme, an undecodable value):
			// incorrect ones, not none.
			return new BadCredentialsException("The request's credentials were not accepted", authException);
		}
		return authException;
	}

}
