package com.augno.errors.spring.web;

/**
 * Observes every error the starter answers, on the servlet stack and on the reactive one,
 * so that metrics, audits or tracing can follow errors without knowing how they are
 * mapped or written.
 * <p>
 * Each listener is called once per answered error, on the thread that answers it: on the
 * servlet stack after the envelope was written, on the reactive stack when it is ready to
 * be written; also for a client that went away ({@code client_closed_request}, status
 * 499), for which nothing is written. A listener must be cheap and must not throw: an
 * exception or an {@link Error}, a {@link StackOverflowError} included, is logged once
 * with the request id and ignored; any other {@link VirtualMachineError}, such as
 * {@link OutOfMemoryError}, propagates. Declare a bean of this type to be called;
 * {@link org.springframework.core.annotation.Order @Order} decides the order among
 * several.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ErrorListener {

	/**
	 * Called for an answered error.
	 * @param event the error and the request it answered
	 */
	void onError(ErrorEvent event);

}
