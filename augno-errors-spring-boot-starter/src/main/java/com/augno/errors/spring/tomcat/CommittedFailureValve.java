package com.augno.errors.spring.tomcat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.augno.errors.spring.servlet.CommittedFailures;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * A context valve that aborts a committed response whose request failed
 * ({@link CommittedFailures#FAILURE_ATTRIBUTE}): it sends what is buffered and closes the
 * connection without the final chunk, as Tomcat does for an exception it catches after
 * commit, so that the client can tell the body is incomplete. Aborting here rather than
 * rethrowing to Tomcat keeps Tomcat from logging a failure the starter has logged.
 *
 * @since 0.1.0
 */
public final class CommittedFailureValve extends ValveBase {

	/**
	 * Create the valve.
	 */
	public CommittedFailureValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		getNext().invoke(request, response);
		Throwable failure = CommittedFailures.find(request);
		if (failure != null && response.isCommitted()) {
			abort(request, response, failure);
		}
	}

	private static void abort(Request request, Response response, Throwable failure) {
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.flushBuffer();
		}
		catch (IOException ex) {
			// The connection is closed next either way.
		}
		response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, failure);
		if (request.getAsyncContextInternal() != null && !request.isAsync()) {
			// Tomcat completed this asynchronous request when its dispatch returned and
			// told
			// its AsyncListeners so. Flagged as an error, the response would reopen the
			// asynchronous cycle and complete it a second time (Micrometer's observation
			// stopped twice); the connection is closed without the final chunk either
			// way.
			response.resetError();
		}
	}

}
