package com.augno.errors.spring.security;

import java.io.IOException;

import com.augno.errors.spring.servlet.ErrorResponseDecision;
import com.augno.errors.spring.web.ErrorResponseRules;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Keeps the entry point that Spring Security chose for a filter chain (HTTP Basic's, a
 * login form's, a resource server's or the application's own) and adds the envelope to
 * what it does. A browser navigating to a page, and any request outside
 * {@code augno.errors.paths}, gets the mechanism's own behaviour untouched, such as the
 * redirect to a login page. Any other client gets the headers the mechanism set, its
 * {@code WWW-Authenticate} challenge among them, with the envelope for the error status
 * it chose; a redirect becomes a 401. An entry point that writes its own body, or sets a
 * status that is neither an error nor a redirect, keeps its answer.
 *
 * @since 0.1.0
 */
final class MechanismEntryPoint implements AuthenticationEntryPoint {

	private final AuthenticationEntryPoint mechanism;

	private final AugnoAuthenticationEntryPoint envelope;

	/**
	 * Create an entry point.
	 * @param mechanism the entry point Spring Security chose
	 * @param envelope writes the envelope
	 */
	MechanismEntryPoint(AuthenticationEntryPoint mechanism, AugnoAuthenticationEntryPoint envelope) {
		this.mechanism = mechanism;
		this.envelope = envelope;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, ServletException {
		if (ErrorResponseDecision.isBrowserNavigation(request) || !this.envelope.answers(request)) {
			this.mechanism.commence(request, response, authException);
			return;
		}
		EntryPointResponse captured = new EntryPointResponse(response);
		this.mechanism.commence(request, captured, authException);
		if (captured.isAnswered()) {
			return;
		}
		if (captured.isRedirected() && ErrorResponseRules.followsLoginRedirect(request.getHeader(HttpHeaders.ACCEPT),
				request.getHeader(ErrorResponseRules.HX_REQUEST))) {
			// A request that names no media type at all (a test's MockMvc request, a bare
			// HTTP client), or htmx's, keeps the login form's redirect, as without the
			// starter: only a client that asks for something other than a page is told to
			// authenticate.
			captured.sendHeldRedirect();
			return;
		}
		int status = captured.errorStatus();
		// A status of the mechanism's own is kept with the headers it chose: HTTP Basic
		// answers an XMLHttpRequest with a 401 and no challenge, so that the browser
		// shows no sign-in dialog. Only where the starter chooses the 401 (for a login
		// redirect) does it add the configured challenge.
		boolean ownStatus = status != 0 && !captured.isRedirected();
		this.envelope.commence(request, response, authException, ownStatus ? status : HttpStatus.UNAUTHORIZED.value(),
				!ownStatus);
	}

	AuthenticationEntryPoint getMechanism() {
		return this.mechanism;
	}

}
