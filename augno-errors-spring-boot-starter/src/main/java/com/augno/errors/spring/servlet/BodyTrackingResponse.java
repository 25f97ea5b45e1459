package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Remembers whether anyone asked for the response body, so that the request id filter can
 * tell an error status set without a body (as some filters and entry points do) from an
 * error response someone wrote, and whether an error was sent with {@code sendError}; and
 * keeps the response to one request id header: a value the application adds (a relay
 * copying a downstream's headers) replaces the filter's, as Spring MVC means when it puts
 * a {@code ResponseEntity}'s headers, instead of sending two; and sets it again after a
 * reset of the response.
 *
 * @since 0.1.0
 */
final class BodyTrackingResponse extends HttpServletResponseWrapper {

	private final String requestIdHeader;

	private final String requestId;

	private boolean bodyRequested;

	private boolean errorSent;

	BodyTrackingResponse(HttpServletResponse response, String requestIdHeader, String requestId) {
		super(response);
		this.requestIdHeader = requestIdHeader;
		this.requestId = requestId;
	}

	@Override
	public void reset() {
		// An error page filter that resets the response before it forwards (Spring Boot's
		// ErrorPageFilter, in a war) keeps the request id.
		super.reset();
		super.setHeader(this.requestIdHeader, this.requestId);
	}

	@Override
	public void addHeader(String name, String value) {
		if (this.requestIdHeader.equalsIgnoreCase(name)) {
			super.setHeader(name, value);
		}
		else {
			super.addHeader(name, value);
		}
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		this.bodyRequested = true;
		return super.getOutputStream();
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		this.bodyRequested = true;
		return super.getWriter();
	}

	@Override
	public void sendError(int sc, String msg) throws IOException {
		super.sendError(sc, msg);
		this.errorSent = true;
	}

	@Override
	public void sendError(int sc) throws IOException {
		super.sendError(sc);
		this.errorSent = true;
	}

	/**
	 * Return whether the application sent an error with {@code sendError}, which the
	 * container's error dispatch answers.
	 * @return whether an error was sent
	 */
	boolean isErrorSent() {
		return this.errorSent;
	}

	/**
	 * Return whether an error status was set and left without a body: not committed, no
	 * stream or writer asked for.
	 * @return whether the response still needs an error body
	 */
	boolean isBodilessError() {
		return getStatus() >= 400 && !this.bodyRequested && !isCommitted();
	}

}
