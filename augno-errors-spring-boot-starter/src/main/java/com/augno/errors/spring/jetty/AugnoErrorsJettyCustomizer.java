package com.augno.errors.spring.jetty;

import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Server;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Installs Jetty's equivalents of the Tomcat valves on the embedded Jetty: an
 * {@link AugnoJettyErrorHandler} as the server's error handler, and, when a request log
 * is configured, a {@link ClientClosedRequestLog} around it and a
 * {@link ClientClosedRequestMarker} on the servlet context.
 *
 * @since 0.1.0
 */
public final class AugnoErrorsJettyCustomizer
		implements WebServerFactoryCustomizer<JettyServletWebServerFactory>, Ordered {

	private final AugnoJettyErrorHandler errorHandler;

	/**
	 * Create the customizer.
	 * @param errorHandler answers the errors Jetty raises itself
	 */
	public AugnoErrorsJettyCustomizer(AugnoJettyErrorHandler errorHandler) {
		this.errorHandler = errorHandler;
	}

	@Override
	public void customize(JettyServletWebServerFactory factory) {
		factory.addServerCustomizers(this::customize);
	}

	private void customize(Server server) {
		server.setErrorHandler(this.errorHandler);
		RequestLog requestLog = server.getRequestLog();
		ServletContextHandler context = server.getDescendant(ServletContextHandler.class);
		if (requestLog != null && !(requestLog instanceof ClientClosedRequestLog) && context != null) {
			server.setRequestLog(new ClientClosedRequestLog(requestLog));
			context.addEventListener(new ClientClosedRequestMarker());
		}
	}

	/**
	 * Run after Spring Boot's {@code JettyWebServerFactoryCustomizer}, whose server
	 * customizer sets the request log this one wraps.
	 * @return the lowest precedence
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
