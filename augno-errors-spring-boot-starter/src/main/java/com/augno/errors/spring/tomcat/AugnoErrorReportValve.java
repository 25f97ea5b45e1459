package com.augno.errors.spring.tomcat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.StatusCodes;
import com.augno.errors.spring.mapping.MappedError;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;

/**
 * The host's error report valve, which answers an error no servlet answered, such as a
 * request Tomcat rejected before any filter ran ({@code GET /%zz}, a malformed header, no
 * {@code Host}), with the envelope instead of Tomcat's HTML page. It keeps Tomcat's
 * status and never repeats Tomcat's message; a 501 or 505, the client's request refused
 * for good, is a client error, never {@code internal_error}. Outside
 * {@code augno.errors.paths} it is Tomcat's own valve.
 *
 * @since 0.1.0
 */
public final class AugnoErrorReportValve extends ErrorReportValve {

	/**
	 * The message of a request Tomcat could not parse or would not accept.
	 */
	public static final String MESSAGE = "The request could not be understood: its request line or headers are malformed.";

	/**
	 * The message of a request that needs a feature Tomcat does not implement, such as a
	 * transfer coding other than chunked (501).
	 */
	public static final String NOT_IMPLEMENTED_MESSAGE = "The request uses an HTTP feature this server does not implement.";

	/**
	 * The message of a request in an HTTP version Tomcat does not speak (505).
	 */
	public static final String VERSION_MESSAGE = "The request's HTTP version is not supported; use HTTP/1.1.";

	private static final Log logger = LogFactory.getLog(AugnoErrorReportValve.class);

	private final ErrorResponseHandler handler;

	/**
	 * Create the valve.
	 * @param handler writes the envelope
	 */
	public AugnoErrorReportValve(ErrorResponseHandler handler) {
		this.handler = handler;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		if (!this.handler.getDecision().isEnveloped(request)) {
			super.report(request, response, throwable);
			return;
		}
		int status = response.getStatus();
		// As Tomcat's own report: only an error that is not yet reported, with nothing
		// written, on a connection that can still carry a response.
		if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()
				|| !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		MappedError error = rejection(status, request.getMethod());
		try {
			this.handler.respond(request, new StatusKeepingResponse(response, status), error, throwable);
		}
		catch (IOException | RuntimeException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("Could not write the error report for status " + status, ex);
			}
		}
	}

	/**
	 * The error for a status Tomcat set: its nearest code, except that Tomcat's 501 (a
	 * {@code CONNECT}, a transfer coding it does not implement) and 505 (an HTTP version
	 * it does not speak) refuse what the client sent, which no retry changes: a client
	 * error in the contract's terms, whose status stays Tomcat's.
	 */
	private static MappedError rejection(int status, @Nullable String method) {
		if (status == 501) {
			return "CONNECT".equals(method) ? MappedError.of(ErrorCodes.METHOD_NOT_ALLOWED)
					: MappedError.of(ErrorCodes.VALIDATION_FAILED).withMessage(NOT_IMPLEMENTED_MESSAGE);
		}
		if (status == 505) {
			return MappedError.of(ErrorCodes.VALIDATION_FAILED).withMessage(VERSION_MESSAGE);
		}
		ErrorCode code = StatusCodes.forStatus(status);
		MappedError error = MappedError.of(code);
		return ErrorCodes.VALIDATION_FAILED.code().equals(code.code()) ? error.withMessage(MESSAGE) : error;
	}

	/**
	 * Keeps the status Tomcat chose when the code stands for another, as
	 * {@code method_not_allowed} (405) does for the 501 of a {@code CONNECT}.
	 */
	private static final class StatusKeepingResponse extends HttpServletResponseWrapper {

		private final int status;

		StatusKeepingResponse(HttpServletResponse response, int status) {
			super(response);
			this.status = status;
		}

		@Override
		public void setStatus(int sc) {
			super.setStatus(this.status);
		}

	}

}
