package com.augno.errors.spring.servlet;

import java.io.IOException;

import com.augno.errors.spring.web.RequestIdGenerator;
import com.augno.errors.spring.web.RequestIds;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.http.HttpHeaders;

/**
 * The filter at the head of the chain: gives each request its id (reusing a valid one
 * from a trusted proxy header when configured), sets the response header, keeps the id in
 * the MDC under {@value RequestIds#MDC_KEY} for every later filter and handler, and
 * answers an exception thrown by a later filter (or by a view that failed to render)
 * through the {@link ErrorResponseHandler}; outside {@code augno.errors.paths} it lets
 * the exception go on to the container. A failure after the response was committed is
 * rethrown to a container that does not abort the response itself (see
 * {@link CommittedFailures}). An error answered on an async dispatch into a body that a
 * later filter caches and no filter copied out is copied to the client when the dispatch
 * returns (see {@link CachedAsyncErrors}).
 * <p>
 * It is registered for request, async and error dispatches, and handles each once. An
 * error dispatch made while it still handles the request (by a container that dispatches
 * to its error page from within {@code sendError}; Tomcat and Jetty dispatch after the
 * request returns) passes through, as Spring's {@code OncePerRequestFilter} lets it. It
 * tells that case by the response it wrapped rather than by a marker attribute, so that a
 * successful request costs no attribute set and removed.
 *
 * @since 0.1.0
 */
public class RequestIdFilter implements Filter {

	private final ErrorResponseHandler handler;

	private final RequestIdGenerator generator;

	private final String responseHeader;

	private final @Nullable String trustedHeader;

	/**
	 * Create the filter.
	 * @param handler answers exceptions of later filters
	 * @param generator generates ids
	 * @param responseHeader the response header that carries the id
	 * @param trustedHeader the request header whose valid value is reused, or
	 * {@code null}
	 */
	public RequestIdFilter(ErrorResponseHandler handler, RequestIdGenerator generator, String responseHeader,
			@Nullable String trustedHeader) {
		this.handler = handler;
		this.generator = generator;
		this.responseHeader = responseHeader;
		this.trustedHeader = trustedHeader;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest httpRequest && response instanceof HttpServletResponse httpResponse
				&& !isNestedErrorDispatch(request, response)) {
			doFilter(httpRequest, httpResponse, chain);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = ServletRequestIds.find(request);
		if (id == null) {
			id = newRequestId(request);
			request.setAttribute(RequestIds.ATTRIBUTE, id);
			this.handler.getContainerSupport().setAsciiHeader(response, this.responseHeader, id);
		}
		String previous = MDC.get(RequestIds.MDC_KEY);
		MDC.put(RequestIds.MDC_KEY, id);
		BodyTrackingResponse tracked = new BodyTrackingResponse(response, this.responseHeader, id);
		try {
			chain.doFilter(request, tracked);
			if (tracked.isBodilessError() && !request.isAsyncStarted()
					&& this.handler.getDecision().isEnveloped(request) && !isBrowserChallenge(request, response)
					&& !this.handler.isOwnAnswer(request)) {
				this.handler.respondToStatus(request, response, tracked.getStatus());
			}
		}
		catch (ServletException | IOException | RuntimeException ex) {
			// Outside augno.errors.paths: the container's error page, Spring Boot's
			// /error.
			if (!this.handler.getDecision().isEnveloped(request)) {
				throw ex;
			}
			if (tracked.isErrorSent() && !request.isAsyncStarted()
					&& this.handler.answersWith(ex, tracked.getStatus())) {
				// Sent with sendError before the throw (as Jersey does): the container's
				// error dispatch answers that error, with this failure behind it, and
				// logs it once.
				request.setAttribute(ErrorResponseHandler.FAILURE_ATTRIBUTE, ex);
			}
			else {
				this.handler.handle(request, response, ex);
			}
		}
		finally {
			if (previous != null) {
				MDC.put(RequestIds.MDC_KEY, previous);
			}
			else {
				MDC.remove(RequestIds.MDC_KEY);
			}
		}
		CachedAsyncErrors.deliver(request, response);
		rethrowCommittedFailure(request, this.handler.getContainerSupport());
	}

	/**
	 * Hand a failure after commit to a container that does not abort the response itself:
	 * a servlet container aborts a committed response on an exception.
	 */
	private static void rethrowCommittedFailure(HttpServletRequest request, ContainerSupport container)
			throws ServletException, IOException {
		Throwable failure = CommittedFailures.toRethrow(request, container);
		if (failure instanceof ServletException ex) {
			throw ex;
		}
		if (failure instanceof IOException ex) {
			throw ex;
		}
		if (failure instanceof RuntimeException ex) {
			throw ex;
		}
		if (failure != null) {
			throw new ServletException("Request failed after its response was committed", failure);
		}
	}

	private String newRequestId(HttpServletRequest request) {
		if (this.trustedHeader != null) {
			String incoming = request.getHeader(this.trustedHeader);
			if (RequestIds.isValid(incoming)) {
				return incoming;
			}
		}
		return this.generator.generate();
	}

	/**
	 * Return whether a browser navigating to a page met an authentication mechanism's
	 * bodiless answer with its challenge (a resource server's 403 with
	 * {@code WWW-Authenticate}): left untouched, as entry points are for browsers, rather
	 * than sent to an error page that the same security rules may deny again.
	 */
	private static boolean isBrowserChallenge(HttpServletRequest request, HttpServletResponse response) {
		return response.containsHeader(HttpHeaders.WWW_AUTHENTICATE)
				&& ErrorResponseDecision.isBrowserNavigation(request);
	}

	/**
	 * Return whether this is an error dispatch made while this filter still handles the
	 * request: the response, or one it wraps, is the one this filter passed on.
	 */
	private static boolean isNestedErrorDispatch(ServletRequest request, ServletResponse response) {
		return request.getDispatcherType() == DispatcherType.ERROR
				&& (response instanceof BodyTrackingResponse || (response instanceof ServletResponseWrapper wrapper
						&& wrapper.isWrapperFor(BodyTrackingResponse.class)));
	}

}
