package com.augno.errors.spring.security;

import java.io.IOException;

import com.augno.errors.spring.servlet.ErrorResponseDecision;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * Answers a request that an authorization rule or the CSRF check denied with the
 * envelope, through the same {@link ErrorResponseHandler} as every other failure; a
 * caller authenticated by an OAuth2 bearer token also gets the resource server's
 * {@code insufficient_scope} challenge, as its own handler would set.
 * <p>
 * A browser navigating to a page, a request an OAuth2 authorization server's own filter
 * chain answers, and a request outside {@code augno.errors.paths} that the resource
 * server's challenge was set for, get Spring Security's own answer instead: the bearer
 * challenge with a bodiless 403, or {@code sendError(403)}, whose error dispatch passes
 * the security rules again. So a login form posted with a stale CSRF token still sends a
 * visitor back to the login page where {@code /error} needs authentication, as without
 * the starter; where the error dispatch reaches the starter's error controller, it
 * answers with the denial's own code and message.
 *
 * @since 0.1.0
 */
public final class AugnoAccessDeniedHandler implements AccessDeniedHandler {

	private static final AccessDeniedHandler SPRING_SECURITY = new AccessDeniedHandlerImpl();

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
		AccessDeniedHandler resourceServers = BearerScopeChallenge.applicationHandlerOf(request);
		if (resourceServers != null) {
			// The application's own answer, as without the starter.
			resourceServers.handle(request, response, accessDeniedException);
			return;
		}
		BearerScopeChallenge.addIfTokenAuthenticated(request, response, accessDeniedException);
		// Outside augno.errors.paths Spring Boot answers the sendError(403) as without
		// the starter, except where the resource server's handler would have answered:
		// its bodiless 403, not Boot's body.
		if (ErrorResponseDecision.isBrowserNavigation(request) || this.handler.isOwnAnswer(request)
				|| (response.containsHeader(HttpHeaders.WWW_AUTHENTICATE)
						&& !this.handler.getDecision().isEnveloped(request))) {
			answerAsSpringSecurity(request, response, accessDeniedException);
			return;
		}
		this.handler.handle(request, response, accessDeniedException);
	}

	private static void answerAsSpringSecurity(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException, ServletException {
		if (response.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
			// The resource server's own handler: the challenge and the status, no body.
			response.setStatus(HttpStatus.FORBIDDEN.value());
			return;
		}
		request.setAttribute(ErrorResponseHandler.FAILURE_ATTRIBUTE, accessDeniedException);
		SPRING_SECURITY.handle(request, response, accessDeniedException);
	}

}
