package com.augno.errors.spring.servlet;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What the servlet container does itself for the request the calling thread runs, told
 * once by a container adapter (the Tomcat valves' customizer) to the
 * {@link ErrorResponseHandler} when it installs itself, rather than by marking every
 * request with attributes. Its answers are per thread, never a flag for the whole JVM: a
 * JVM may run a Tomcat and a Jetty application, and a request of a Tomcat application may
 * run outside the container (MockMvc).
 *
 * @since 0.1.0
 */
public interface ContainerSupport {

	/**
	 * The support of a container that does nothing of the sort.
	 */
	ContainerSupport NONE = new ContainerSupport() {
	};

	/**
	 * Return whether the container aborts the committed response of the request the
	 * calling thread runs when the request carries
	 * {@link CommittedFailures#FAILURE_ATTRIBUTE}, so that nothing needs to be rethrown
	 * to it.
	 * @return whether the container aborts the response itself
	 */
	default boolean abortsCommittedFailures() {
		return false;
	}

	/**
	 * Record the 499 on the container's own response of the request the calling thread
	 * runs, if that request is marked with
	 * {@link ErrorResponseHandler#CLIENT_CLOSED_ATTRIBUTE}: a committed response ignores
	 * {@code setStatus}. Called right after the request is marked.
	 */
	default void recordClientClosed() {
	}

	/**
	 * Record the status of a committed response's failure on the container's own response
	 * of the request the calling thread runs, if that request carries one
	 * ({@link CommittedFailures}): a committed response ignores {@code setStatus}, and
	 * filters that read the status once the request returns (Micrometer's
	 * {@code http.server.requests}, a tracer's server span) would otherwise record the
	 * committed status, a success, where the access log records the failure. Called right
	 * after the failure is recorded.
	 */
	default void recordCommittedFailure() {
	}

	/**
	 * Set a response header whose value is ASCII, as {@code setHeader} does; a container
	 * may set it without encoding it again for every response.
	 * @param response the response of the request the calling thread runs
	 * @param name the header name
	 * @param value the value, ASCII only
	 */
	default void setAsciiHeader(HttpServletResponse response, String name, String value) {
		response.setHeader(name, value);
	}

}
