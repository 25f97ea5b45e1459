package com.augno.errors.spring.tomcat;

import java.io.IOException;

import com.augno.errors.spring.servlet.ErrorResponseHandler;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequestAttributeEvent;
import jakarta.servlet.ServletRequestAttributeListener;
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
 * <li>As a request attribute listener of the context, the moment the attribute is set on
 * the thread that runs the request through this valve. Filters that read the status
 * afterwards, such as Micrometer's {@code http.server.requests} observation, then see
 * 499. An attribute set on another thread (an application's own executor) is only
 * recorded at the second point.</li>
 * <li>As the context's access log, which Tomcat calls before those of host and engine:
 * Tomcat sets 500 on an asynchronous request that ended in an I/O error after the
 * application has finished, so the access log would otherwise show 500.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class ClientClosedRequestValve extends ValveBase implements AccessLog, ServletRequestAttributeListener {

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
	public void attributeAdded(ServletRequestAttributeEvent event) {
		if (ErrorResponseHandler.CLIENT_CLOSED_ATTRIBUTE.equals(event.getName())) {
			Request request = CURRENT_REQUEST.get();
			if (request != null && request.getRequest() == event.getServletRequest()) {
				record(request, request.getResponse());
			}
		}
	}

	@Override
	public void log(Request request, Response response, long time) {
		record(request, response);
	}

	@Override
	public void setRequestAttributesEnabled(boolean requestAttributesEnabled) {
	}

	@Override
	public boolean getRequestAttributesEnabled() {
		return false;
	}

	private static void record(Request request, Response response) {
		if (Boolean.TRUE.equals(request.getAttribute(ErrorResponseHandler.CLIENT_CLOSED_ATTRIBUTE))) {
			response.getCoyoteResponse().setStatus(CLIENT_CLOSED_REQUEST);
		}
	}

}
