package com.augno.errors.spring.jetty;

import com.augno.errors.spring.servlet.ErrorResponseHandler;
import jakarta.servlet.ServletRequestAttributeEvent;
import jakarta.servlet.ServletRequestAttributeListener;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Request;

/**
 * A request attribute listener of the servlet context that copies the mark of a client
 * that went away ({@link ErrorResponseHandler#CLIENT_CLOSED_ATTRIBUTE}) from the servlet
 * request, whose attributes Jetty keeps apart, to the request Jetty's request log sees.
 *
 * @since 0.1.0
 */
public final class ClientClosedRequestMarker implements ServletRequestAttributeListener {

	@Override
	public void attributeAdded(ServletRequestAttributeEvent event) {
		if (ErrorResponseHandler.CLIENT_CLOSED_ATTRIBUTE.equals(event.getName())) {
			Request request = ServletContextRequest.getServletContextRequest(event.getServletRequest());
			Request.unWrap(request).setAttribute(ErrorResponseHandler.CLIENT_CLOSED_ATTRIBUTE, event.getValue());
		}
	}

}
