package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Remembers whether anyone asked for the response body, so that the request id filter can
 * tell an error status set without a body (as some filters and entry points do) from an
 * error response someone wrote.
 *
 * @since 0.1.0
 */
final class BodyTrackingResponse extends HttpServletResponseWrapper {

	private boolean bodyRequested;

	BodyTrackingResponse(HttpServletResponse response) {
		super(response);
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

	/**
	 * Return whether an error status was set and left without a body: not committed, no
	 * stream or writer asked for.
	 * @return whether the response still needs an error body
	 */
	boolean isBodilessError() {
		return getStatus() >= 400 && !this.bodyRequested && !isCommitted();
	}

}
