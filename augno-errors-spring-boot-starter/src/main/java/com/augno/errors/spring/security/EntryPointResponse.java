package com.augno.errors.spring.security;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * What an authentication mechanism's entry point did to the response, with the two calls
 * that would end it ({@code sendError} and {@code sendRedirect}) held back, so that the
 * envelope can still be written for an API client. Headers and a status set directly pass
 * through, so the mechanism's challenge stays on the response.
 *
 * @since 0.1.0
 */
final class EntryPointResponse extends HttpServletResponseWrapper {

	private int errorStatus;

	private boolean redirected;

	private boolean bodyRequested;

	private int statusSet;

	private @Nullable String location;

	private int redirectStatus;

	private boolean clearBuffer = true;

	EntryPointResponse(HttpServletResponse response) {
		super(response);
	}

	@Override
	public void sendError(int sc) {
		this.errorStatus = sc;
	}

	@Override
	public void sendError(int sc, String msg) {
		this.errorStatus = sc;
	}

	@Override
	public void sendRedirect(String location) {
		this.redirected = true;
		this.location = location;
	}

	@Override
	public void sendRedirect(String location, int sc, boolean clearBuffer) {
		this.redirected = true;
		this.location = location;
		this.redirectStatus = sc;
		this.clearBuffer = clearBuffer;
	}

	/**
	 * Send the redirect the entry point asked for, which was held back, to the response.
	 * A redirect made by setting a 3xx status and a {@code Location} is on the response
	 * already.
	 * @throws IOException if sending it fails
	 */
	void sendHeldRedirect() throws IOException {
		if (this.location == null) {
			return;
		}
		if (this.redirectStatus != 0) {
			super.sendRedirect(this.location, this.redirectStatus, this.clearBuffer);
		}
		else {
			super.sendRedirect(this.location);
		}
	}

	@Override
	public void setStatus(int sc) {
		this.statusSet = sc;
		super.setStatus(sc);
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
	 * Return whether the entry point answered by itself: it wrote (or forwarded to) a
	 * body, committed the response, or set a status that is no error and no redirect
	 * (such as htmx's 200 with {@code HX-Redirect}).
	 * @return whether the response is the entry point's own
	 */
	boolean isAnswered() {
		return this.bodyRequested || isCommitted() || (this.statusSet > 0 && this.statusSet < 300);
	}

	/**
	 * Return whether the entry point redirected, as a login form's does, with
	 * {@code sendRedirect} or with a 3xx status of its own.
	 * @return whether it redirected
	 */
	boolean isRedirected() {
		return this.redirected || (this.statusSet >= 300 && this.statusSet < 400);
	}

	/**
	 * Return the error status the entry point sent or set, or {@code 0} for none.
	 * @return the status
	 */
	int errorStatus() {
		if (this.errorStatus != 0) {
			return this.errorStatus;
		}
		int status = getStatus();
		return (status >= 400) ? status : 0;
	}

}
