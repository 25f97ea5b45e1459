package com.augno.errors.spring.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Where a failure after the response was committed is recorded, so that the response is
 * aborted rather than finished. Status and part of the body are on the wire by then; the
 * envelope can no longer be written, and a response finished normally would pass a
 * truncated body off as complete.
 * <p>
 * The {@link ErrorResponseHandler} logs the failure once and records it under
 * {@link #FAILURE_ATTRIBUTE}. A container adapter that aborts the connection itself (the
 * Tomcat valve) says so through its {@link ContainerSupport} and aborts when the request
 * returns to it. Without such an adapter the {@link RequestIdFilter} rethrows the
 * failure, which a servlet container answers, on a committed response, by aborting it
 * (and logging it once more).
 *
 * @since 0.1.0
 */
public final class CommittedFailures {

	/**
	 * The request attribute that holds the failure that ended a committed response.
	 */
	public static final String FAILURE_ATTRIBUTE = CommittedFailures.class.getName() + ".failure";

	/**
	 * The request attribute that holds the status of the code the failure was logged
	 * with, which a container adapter records for the access log: a request timeout is a
	 * 408 there, as in the log, not the 500 a container gives any failure.
	 */
	public static final String STATUS_ATTRIBUTE = CommittedFailures.class.getName() + ".status";

	private CommittedFailures() {
	}

	/**
	 * Return the failure that ended a request's committed response.
	 * @param request the request
	 * @return the failure, or {@code null} if the response did not fail after commit
	 */
	public static @Nullable Throwable find(ServletRequest request) {
		return (request.getAttribute(FAILURE_ATTRIBUTE) instanceof Throwable failure) ? failure : null;
	}

	/**
	 * Return the status of the code a committed response's failure was logged with.
	 * @param request the request
	 * @return the status, or {@code -1} if the response did not fail after commit
	 */
	public static int statusOf(ServletRequest request) {
		return (request.getAttribute(STATUS_ATTRIBUTE) instanceof Integer status) ? status : -1;
	}

	static void record(ServletRequest request, Throwable failure, int status) {
		request.setAttribute(FAILURE_ATTRIBUTE, failure);
		request.setAttribute(STATUS_ATTRIBUTE, status);
	}

	/**
	 * Return the failure the request id filter must rethrow for the container to abort
	 * the response: only when no container adapter aborts it, and only from a request or
	 * async dispatch, never from an error page the container includes.
	 */
	static @Nullable Throwable toRethrow(ServletRequest request, ContainerSupport container) {
		// The container check first: it spares a successful request an attribute lookup.
		if (container.abortsCommittedFailures()) {
			return null;
		}
		Throwable failure = find(request);
		if (failure == null) {
			return null;
		}
		DispatcherType type = request.getDispatcherType();
		return (type == DispatcherType.REQUEST || type == DispatcherType.ASYNC) ? failure : null;
	}

}
