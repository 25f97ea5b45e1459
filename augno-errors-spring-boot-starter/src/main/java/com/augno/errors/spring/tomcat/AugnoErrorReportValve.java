package com.augno.errors.spring.tomcat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.spring.mapping.MappedError;
import com.augno.errors.spring.mapping.StatusCodes;
import com.augno.errors.spring.web.ErrorResponseHandler;
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
 * status and never repeats Tomcat's message. Outside {@code augno.errors.paths} it is
 * Tomcat's own valve.
 *
 * @since 0.1.0
 */
public final class AugnoErrorReportValve extends ErrorReportValve {

	/**
	 * The message of a request Tomcat could not parse or would not accept.
	 */
	public static final String MESSAGE = "The request could not be understood: its request line or headers are malformed.";

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
		ErrorCode code = StatusCodes.forStatus(status);
		MappedError error = MappedError.of(code);
		if (ErrorCodes.VALIDATION_FAILED.code().equals(code.code())) {
			error = error.withMessage(MESSAGE);
		}
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
	 * Keeps the status Tomcat chose when the nearest code stands for another, as
	 * {@code internal_error} (500) does for a 501.
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
