package com.augno.errors.spring.tomcat;

import java.io.IOException;

import com.augno.errors.spring.servlet.CommittedFailures;
import com.augno.errors.spring.servlet.ContainerSupport;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import jakarta.servlet.ServletException;
import org.apache.catalina.AccessLog;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.jspecify.annotations.Nullable;

/**
 * A context valve that records status 499 on the Tomcat response of a request whose
 * client went away ({@link ErrorResponseHandler#CLIENT_CLOSED_ATTRIBUTE}), where the
 * servlet {@code setStatus} is ignored because the response was already committed.
 * <p>
 * It records the status at two points:
 * <ul>
 * <li>The moment the {@link ErrorResponseHandler} marks the request, on the thread that
 * runs the request through this valve, through the handler's {@link ContainerSupport},
 * which the {@link AugnoErrorsTomcatCustomizer} sets when it installs this valve. Filters
 * that read the status afterwards, such as Micrometer's {@code http.server.requests}
 * observation, then see 499. A request marked on another thread (an application's own
 * executor) is only recorded at the second point. Neither a request attribute listener
 * (with any such listener on the context, Tomcat creates an event and copies its listener
 * array for every attribute every request sets) nor a request attribute per request.</li>
 * <li>As the context's access log, which Tomcat calls before those of host and engine:
 * Tomcat sets 500 on an asynchronous request that ended in an I/O error after the
 * application has finished, so the access log would otherwise show 500. There it also
 * records the status of the code a committed response's failure was logged with
 * ({@link CommittedFailures}), such as a streamed response's timeout (408), which Tomcat
 * records as 500 once the response is aborted.</li>
 * </ul>
 * <p>
 * That status is also recorded the moment the failure is, on the thread that runs the
 * request through this valve, so that Micrometer's {@code http.server.requests} and a
 * tracer's server span see the failure rather than the committed status.
 *
 * @since 0.1.0
 */
public final class ClientClosedRequestValve extends ValveBase implements AccessLog {

	private static final int CLIENT_CLOSED_REQUEST = 499;

	private static final ThreadLocal<@Nullable Request> CURRENT_REQUEST = new ThreadLocal<>();

	/**
	 * Create the valve.
	 */
	public ClientClosedRequestValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		Request previous = CURRENT_REQUEST.get();
		CURRENT_REQUEST.set(request);
		try {
			getNext().invoke(request, response);
		}
		finally {
			CURRENT_REQUEST.set(previous);
		}
	}

	@Override
	public void log(Request request, Response response, long time) {
		recordForAccessLog(request, response);
	}

	@Override
	public void setRequestAttributesEnabled(boolean requestAttributesEnabled) {
	}

	@Override
	public boolean getRequestAttributesEnabled() {
		return false;
	}

	/**
	 * Return whether the calling thread runs a request through this valve.
	 */
	static boolean isRunning() {
		return CURRENT_REQUEST.get() != null;
	}

	/**
	 * Return the request this valve runs on the calling thread.
	 */
	static @Nullable Request currentRequest() {
		return CURRENT_REQUEST.get();
	}

	/**
	 * Record the 499 on the request this valve runs on the calling thread, if that
	 * request is the one marked.
	 */
	static void recordCurrent() {
		Request request = CURRENT_REQUEST.get();
		if (request != null) {
			record(request, request.getResponse());
		}
	}

	/**
	 * Record the status of a committed response's failure ({@link CommittedFailures}) on
	 * the request this valve runs on the calling thread, the status the access log
	 * records for it.
	 */
	static void recordCurrentCommittedFailure() {
		Request request = CURRENT_REQUEST.get();
		if (request != null) {
			recordCommittedFailure(request, request.getResponse());
		}
	}

	private static void record(Request request, Response response) {
		if (Boolean.TRUE.equals(request.getAttribute(ErrorResponseHandler.CLIENT_CLOSED_ATTRIBUTE))) {
			response.getCoyoteResponse().setStatus(CLIENT_CLOSED_REQUEST);
		}
	}

	/**
	 * As the access log: the 499 again, and the status of the code a committed response's
	 * failure was logged with ({@link CommittedFailures}, a timeout's 408), over the 500
	 * Tomcat sets on an asynchronous request it closed.
	 */
	private static void recordForAccessLog(Request request, Response response) {
		record(request, response);
		recordCommittedFailure(request, response);
	}

	private static void recordCommittedFailure(Request request, Response response) {
		int committedFailure = CommittedFailures.statusOf(request);
		if (committedFailure >= 400) {
			response.getCoyoteResponse().setStatus(committedFailure);
		}
	}

}
