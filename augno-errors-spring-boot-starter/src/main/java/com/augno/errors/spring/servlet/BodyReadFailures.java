package com.augno.errors.spring.servlet;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;

import com.augno.errors.ErrorCodes;
import com.augno.errors.spring.mapping.Causes;
import com.augno.errors.spring.mapping.MappedError;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the container's own report of a request body it could not read. When a read
 * fails, Tomcat records the {@link IOException} as the request's
 * {@link RequestDispatcher#ERROR_EXCEPTION}, sends 400, suspends the response (nothing
 * the application writes then reaches the client) and, once the application is done,
 * dispatches the request to the error page with that exception: the same failure arrives
 * twice, first wrapped (in a {@code ClientAbortException}, often in an
 * {@code HttpMessageNotReadableException}), then bare.
 * <p>
 * An end of input ({@link EOFException}) means the client sent less than its
 * {@code Content-Length} and half-closed the connection: it still reads, and gets a 400.
 * Any other failure (a reset, {@code SocketException: Connection reset} in the JDK's
 * words), which Tomcat too takes for a client that aborted, means the client is gone:
 * 499, nothing written. A read timeout and a body the client sent malformed (Tomcat's
 * {@code BadRequestException}, such as a bad chunk header) are left to the mappers.
 *
 * @since 0.1.0
 */
final class BodyReadFailures {

	static final MappedError TRUNCATED_BODY = MappedError.of(ErrorCodes.VALIDATION_FAILED)
		.withMessage("The request body ended before its declared length.");

	static final MappedError CLIENT_CLOSED_REQUEST = MappedError.disconnect();

	private static final int MAX_CAUSE_DEPTH = 16;

	/**
	 * The simple name of what Tomcat reports for a body the client sent malformed (a bad
	 * chunk header), as opposed to one it could not finish reading
	 * ({@code org.apache.coyote.BadRequestException}, and its older namesake in
	 * {@code org.apache.catalina.connector}).
	 */
	private static final String MALFORMED_BODY_EXCEPTION = "BadRequestException";

	private BodyReadFailures() {
	}

	/**
	 * Return the read failure the container recorded for a request, if a failure is it or
	 * is caused by it.
	 * @param request the request
	 * @param failure the failure being answered
	 * @return the container's read failure, or {@code null} if the failure is another
	 */
	static @Nullable IOException find(HttpServletRequest request, Throwable failure) {
		if (!(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof IOException recorded)
				|| recorded instanceof SocketTimeoutException
				|| recorded.getClass().getSimpleName().equals(MALFORMED_BODY_EXCEPTION)) {
			return null;
		}
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			// An IOException the application threw is dispatched with 500, not 400.
			return (failure == recorded && (isStatus(request, 400)
					|| request.getAttribute(ErrorResponseHandler.CLIENT_CLOSED_ATTRIBUTE) != null)) ? recorded : null;
		}
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			// An asynchronous request's failure is left to the mappers.
			return null;
		}
		// Before the error dispatch, only a failed read records the exception. Parsing a
		// multipart body records one and throws another of the same class (Tomcat's file
		// upload wraps a read of its own), so the class stands for the instance.
		return Causes.first(failure, MAX_CAUSE_DEPTH,
				(cause) -> (cause.getClass() == recorded.getClass()) ? recorded : null);
	}

	/**
	 * Return the error for a read failure.
	 * @param readFailure the container's read failure
	 * @return {@code validation_failed} for a body that ended early, otherwise
	 * {@code client_closed_request}
	 */
	static MappedError map(IOException readFailure) {
		return (readFailure instanceof EOFException) ? TRUNCATED_BODY : CLIENT_CLOSED_REQUEST;
	}

	private static boolean isStatus(HttpServletRequest request, int status) {
		return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code == status;
	}

}
