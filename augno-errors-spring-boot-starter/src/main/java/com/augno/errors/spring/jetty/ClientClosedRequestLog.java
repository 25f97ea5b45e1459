package com.augno.errors.spring.jetty;

import com.augno.errors.spring.servlet.ErrorResponseHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.component.ContainerLifeCycle;

/**
 * Jetty's request log with status 499 for a request whose client went away
 * ({@link ErrorResponseHandler#CLIENT_CLOSED_ATTRIBUTE}, copied to the request Jetty logs
 * by a {@link ClientClosedRequestMarker}), after its response was committed and Jetty
 * ignored the servlet {@code setStatus}. It manages the log it wraps, so that the log is
 * started and stopped with the server.
 * <p>
 * Unlike Tomcat's valve it cannot change the status the servlet API reports afterwards:
 * filters that read it when the request ends (such as Micrometer's
 * {@code http.server.requests}) still see the committed status.
 *
 * @since 0.1.0
 */
public final class ClientClosedRequestLog extends ContainerLifeCycle implements RequestLog {

	private static final int CLIENT_CLOSED_REQUEST = 499;

	private final RequestLog delegate;

	/**
	 * Create the log.
	 * @param delegate the request log that writes the lines
	 */
	public ClientClosedRequestLog(RequestLog delegate) {
		this.delegate = delegate;
		addBean(delegate, true);
	}

	@Override
	public void log(Request request, Response response) {
		if (Boolean.TRUE.equals(request.getAttribute(ErrorResponseHandler.CLIENT_CLOSED_ATTRIBUTE))) {
			this.delegate.log(request, new Response.Wrapper(request, response) {
				@Override
				public int getStatus() {
					return CLIENT_CLOSED_REQUEST;
				}
			});
			return;
		}
		this.delegate.log(request, response);
	}

}
