package com.augno.errors.spring.security;

import java.io.IOException;

import com.augno.errors.spring.servlet.ErrorResponseDecision;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers a request that Spring Security's firewall rejected (a {@code ;} or an encoded
 * slash in its path, say) with the envelope's 400, written at once. Spring Security's own
 * handler sends the 400 with {@code sendError}, and the container's error dispatch to
 * {@code /error} meets the security rules again without the caller's credentials ever
 * checked: an application that does not permit {@code /error} then answered a valid
 * token's request with a 401. A browser navigating to a page, a request outside
 * {@code augno.errors.paths} or a committed response gets Spring Security's answer.
 *
 * @since 0.1.0
 */
public final class AugnoRequestRejectedHandler implements RequestRejectedHandler {

	private final ErrorResponseHandler handler;

	private final RequestRejectedHandler fallback = new HttpStatusRequestRejectedHandler();

	/**
	 * Create the handler.
	 * @param handler writes the envelope
	 */
	public AugnoRequestRejectedHandler(ErrorResponseHandler handler) {
		this.handler = handler;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException, ServletException {
		if (response.isCommitted() || !this.handler.getDecision().isEnveloped(request)
				|| ErrorResponseDecision.isBrowserNavigation(request)) {
			this.fallback.handle(request, response, requestRejectedException);
			return;
		}
		this.handler.respondToStatus(request, response, HttpServletResponse.SC_BAD_REQUEST);
		if (response.getStatus() != HttpServletResponse.SC_BAD_REQUEST) {
			// No code of the service's catalogue answers 400: Spring Security's answer.
			this.fallback.handle(request, response, requestRejectedException);
		}
	}

}
