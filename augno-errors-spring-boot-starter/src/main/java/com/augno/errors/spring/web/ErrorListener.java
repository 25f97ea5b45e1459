package com.augno.errors.spring.web;

import com.augno.errors.AugnoError;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import com.augno.errors.spring.servlet.OriginalRequest;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Observes every error the {@link ErrorResponseHandler} answers, so that metrics, audits
 * or tracing can follow errors without knowing how they are mapped or written.
 * <p>
 * The handler calls each listener once per answered error, after the envelope was
 * written, on the thread that answers it, and also for a client that went away
 * ({@code client_closed_request}, status 499), for which nothing is written. A listener
 * must be cheap and must not throw: an exception or an {@link Error}, a
 * {@link StackOverflowError} included, is logged once with the request id and ignored;
 * any other {@link VirtualMachineError}, such as {@link OutOfMemoryError}, propagates.
 * During the container's error dispatch the request's method is {@code GET};
 * {@link OriginalRequest} gives the client's method and path. Declare a bean of this type
 * to be called; {@link org.springframework.core.annotation.Order @Order} decides the
 * order among several.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ErrorListener {

	/**
	 * Called for an answered error.
	 * @param request the request
	 * @param status the HTTP status answered, 499 for a client that went away
	 * @param error the error, as written or, for a client that went away, as it would
	 * have been
	 */
	void onError(HttpServletRequest request, int status, AugnoError error);

}
