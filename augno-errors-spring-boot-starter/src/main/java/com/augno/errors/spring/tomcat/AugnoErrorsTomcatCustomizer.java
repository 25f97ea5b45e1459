package com.augno.errors.spring.tomcat;

import com.augno.errors.spring.servlet.ContainerSupport;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Installs the valves on the embedded Tomcat: an {@link AugnoErrorReportValve} in place
 * of every other error report valve of the host, a {@link ClientClosedRequestValve} on
 * the context, and a {@link CommittedFailureValve} on the context; and tells the
 * {@link ErrorResponseHandler} what the valves do, through a {@link ContainerSupport}
 * rather than an attribute on every request.
 *
 * @since 0.1.0
 */
public final class AugnoErrorsTomcatCustomizer
		implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final ErrorResponseHandler handler;

	/**
	 * Create the customizer.
	 * @param handler writes the envelope
	 */
	public AugnoErrorsTomcatCustomizer(ErrorResponseHandler handler) {
		this.handler = handler;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextValves(new ClientClosedRequestValve(), new CommittedFailureValve());
		this.handler.setContainerSupport(TomcatContainerSupport.INSTANCE);
		factory.addContextCustomizers(this::replaceErrorReportValve);
	}

	private void replaceErrorReportValve(Context context) {
		Container host = context.getParent();
		Pipeline pipeline = host.getPipeline();
		boolean installed = false;
		for (Valve valve : pipeline.getValves()) {
			if (valve instanceof AugnoErrorReportValve) {
				installed = true;
			}
			else if (valve instanceof ErrorReportValve) {
				pipeline.removeValve(valve);
			}
		}
		// Naming our class stops the host adding Tomcat's own valve when it starts.
		if (host instanceof StandardHost standardHost) {
			standardHost.setErrorReportValveClass(AugnoErrorReportValve.class.getName());
		}
		if (!installed) {
			pipeline.addValve(new AugnoErrorReportValve(this.handler));
		}
	}

	/**
	 * Run after Spring Boot's {@code TomcatWebServerFactoryCustomizer}, whose context
	 * customizer adds the error report valve this one removes.
	 * @return the lowest precedence
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
