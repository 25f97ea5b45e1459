package com.augno.errors.spring.web;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The {@link ErrorListener}s of an application, told about each answered error by either
 * web stack in the same way.
 *
 * @since 0.1.0
 */
public final class ErrorListeners {

	private static final Log logger = LogFactory.getLog(ErrorListeners.class);

	private final List<ErrorListener> listeners;

	/**
	 * Create the listeners.
	 * @param listeners called for each answered error, in order
	 */
	public ErrorListeners(List<ErrorListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	/**
	 * Return whether there is no listener to tell.
	 * @return whether there is none
	 */
	public boolean isEmpty() {
		return this.listeners.isEmpty();
	}

	/**
	 * Tell the listeners about an error. A listener that throws is logged once, with the
	 * request id, and the others are still told: an exception or an {@link Error} such as
	 * an {@link AssertionError} or a {@link StackOverflowError} (whose stack has unwound
	 * by the time it is caught) is contained, as Tomcat's {@code handleThrowable} does;
	 * any other {@link VirtualMachineError}, such as an {@link OutOfMemoryError}, leaves
	 * the JVM in no state to carry on as if nothing happened, and propagates.
	 * @param event the error
	 */
	public void notify(ErrorEvent event) {
		for (ErrorListener listener : this.listeners) {
			try {
				listener.onError(event);
			}
			catch (Throwable ex) {
				if (ex instanceof VirtualMachineError && !(ex instanceof StackOverflowError)) {
					throw ex;
				}
				logger.warn("Error listener " + listener.getClass().getName() + " failed for " + event.error().code()
						+ " (request_id=" + event.requestId() + ")", ex);
			}
		}
	}

}
