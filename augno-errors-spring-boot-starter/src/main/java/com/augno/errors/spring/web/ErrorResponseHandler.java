package com.augno.errors.spring.web;

import java.io.IOException;
import java.util.List;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorFactory;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import com.augno.errors.spring.mapping.StatusCodes;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Answers a failed servlet request with the envelope: maps the failure through the
 * {@link CompositeExceptionMapper}, logs it once, and writes it. The controller advice,
 * the request id filter, the error controller and the Spring Security handlers all end
 * here, so every path answers the same way.
 * <p>
 * A client that went away ({@code client_closed_request}) gets nothing written: the
 * status is set to 499 while the response is not committed, and the request is marked
 * with {@link #CLIENT_CLOSED_ATTRIBUTE} so that the container can record the 499 of a
 * response that was; it is logged and counted once, however many dispatches of the
 * request find it.
 *
 * @since 0.1.0
 */
public class ErrorResponseHandler {

	/**
	 * The request attribute set to {@code Boolean.TRUE} when the client closed the
	 * request.
	 */
	public static final String CLIENT_CLOSED_ATTRIBUTE = ErrorResponseHandler.class.getName() + ".clientClosed";

	/**
	 * The request attribute under which an integration records the failure behind an
	 * error status that a later component sets without a body, or sends with
	 * {@code sendError}; see {@link #respondToStatus}.
	 */
	public static final String FAILURE_ATTRIBUTE = ErrorResponseHandler.class.getName() + ".failure";

	/**
	 * The request attribute that marks a read failure the first dispatch answered, whose
	 * envelope the container's error dispatch writes.
	 */
	private static final String READ_FAILURE_ANSWERED_ATTRIBUTE = ErrorResponseHandler.class.getName()
			+ ".readFailureAnswered";

	private static final Log logger = LogFactory.getLog(ErrorResponseHandler.class);

	private final CompositeExceptionMapper mappers;

	private final ErrorFactory errorFactory;

	private final ErrorResponseWriter writer;

	private final ErrorLogger errorLogger;

	private final RequestIdGenerator requestIdGenerator;

	private final String requestIdHeader;

	private final List<ErrorListener> listeners;

	/**
	 * Create a handler that tells listeners about each error it answers.
	 * @param mappers the mapper chain
	 * @param errorFactory builds the error from the service's registry and links
	 * @param writer writes the envelope
	 * @param errorLogger logs each error once
	 * @param requestIdGenerator generates an id for a request that has none yet
	 * @param requestIdHeader the response header that carries the request id
	 * @param listeners called for each answered error, in order
	 */
	public ErrorResponseHandler(CompositeExceptionMapper mappers, ErrorFactory errorFactory, ErrorResponseWriter writer,
			ErrorLogger errorLogger, RequestIdGenerator requestIdGenerator, String requestIdHeader,
			List<ErrorListener> listeners) {
		this.mappers = mappers;
		this.errorFactory = errorFactory;
		this.writer = writer;
		this.errorLogger = errorLogger;
		this.requestIdGenerator = requestIdGenerator;
		this.requestIdHeader = requestIdHeader;
		this.listeners = List.copyOf(listeners);
	}

	/**
	 * Answer a failure.
	 * @param request the request
	 * @param response the response
	 * @param failure what went wrong
	 * @throws IOException if writing the response fails
	 */
	public void handle(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
		IOException readFailure = BodyReadFailures.find(request, failure);
		if (readFailure != null) {
			respondToReadFailure(request, response, BodyReadFailures.map(readFailure), failure);
			return;
		}
		respond(request, response, this.mappers.map(failure), failure);
	}

	/**
	 * Answer a request body the container could not read ({@link BodyReadFailures}) once,
	 * though it arrives twice: on the first dispatch, where the container has suspended
	 * the response, the error is logged and the listeners told; on the container's error
	 * dispatch that follows, the envelope is written, or for a client that is gone
	 * nothing is done again.
	 */
	private void respondToReadFailure(HttpServletRequest request, HttpServletResponse response, MappedError mapped,
			Throwable failure) throws IOException {
		if (request.getDispatcherType() != DispatcherType.ERROR) {
			request.setAttribute(READ_FAILURE_ANSWERED_ATTRIBUTE, Boolean.TRUE);
			respond(request, response, mapped, failure, false);
		}
		else if (request.getAttribute(READ_FAILURE_ANSWERED_ATTRIBUTE) != null) {
			if (request.getAttribute(CLIENT_CLOSED_ATTRIBUTE) != null) {
				return;
			}
			ErrorCode code = this.errorFactory.resolve(mapped.code());
			this.writer.write(response, code.status(), this.errorFactory.create(code, mapped.type(), mapped.message(),
					mapped.param(), mapped.quota(), requestId(request, response)), mapped.headers());
		}
		else {
			respond(request, response, mapped, failure);
		}
	}

	/**
	 * Answer an error status that was set without a body: with the failure recorded under
	 * {@link #FAILURE_ATTRIBUTE} when it maps to that same status, otherwise with the
	 * status's own code.
	 * @param request the request
	 * @param response the response
	 * @param status the status that was set
	 * @throws IOException if writing the response fails
	 */
	public void respondToStatus(HttpServletRequest request, HttpServletResponse response, int status)
			throws IOException {
		if (request.getAttribute(FAILURE_ATTRIBUTE) instanceof Throwable failure) {
			MappedError mapped = this.mappers.map(failure);
			if (this.errorFactory.resolve(mapped.code()).status() == status) {
				respond(request, response, mapped, failure);
				return;
			}
		}
		respond(request, response, MappedError.of(StatusCodes.forStatus(status)), null);
	}

	/**
	 * Answer with an error a caller has already mapped.
	 * @param request the request
	 * @param response the response
	 * @param mapped the error
	 * @param cause the failure behind it, logged for a server error, or {@code null}
	 * @throws IOException if writing the response fails
	 */
	public void respond(HttpServletRequest request, HttpServletResponse response, MappedError mapped,
			@Nullable Throwable cause) throws IOException {
		respond(request, response, mapped, cause, true);
	}

	private void respond(HttpServletRequest request, HttpServletResponse response, MappedError mapped,
			@Nullable Throwable cause, boolean write) throws IOException {
		ErrorCode code = this.errorFactory.resolve(mapped.code());
		String requestId = requestId(request, response);
		if (code.status() == 499) {
			if (request.getAttribute(CLIENT_CLOSED_ATTRIBUTE) != null) {
				// Counted once: a later dispatch of the same request finds it again.
				return;
			}
			request.setAttribute(CLIENT_CLOSED_ATTRIBUTE, Boolean.TRUE);
			if (!response.isCommitted()) {
				response.setStatus(499);
			}
			this.errorLogger.logClientClosed(request, (cause != null) ? cause : new IOException("client closed"));
			if (!this.listeners.isEmpty()) {
				notifyListeners(request, code.status(),
						this.errorFactory.create(code, mapped.type(), mapped.message(), null, null, requestId));
			}
			return;
		}
		AugnoError error = this.errorFactory.create(code, mapped.type(), mapped.message(), mapped.param(),
				mapped.quota(), requestId);
		this.errorLogger.log(request, code.status(), error, cause);
		boolean written = write && this.writer.write(response, code.status(), error, mapped.headers());
		if (write && !written && logger.isDebugEnabled()) {
			logger.debug("Response already committed; could not write " + error.code() + " for request " + requestId);
		}
		// The status written, which a caller's response may keep different from the
		// code's.
		notifyListeners(request, written ? response.getStatus() : code.status(), error);
	}

	/**
	 * Tell the listeners about an error. A listener that throws is logged once, with the
	 * request id, and the others are still told: an exception or an {@link Error} such as
	 * an {@link AssertionError} or a {@link StackOverflowError} (whose stack has unwound
	 * by the time it is caught) is contained, as Tomcat's {@code handleThrowable} does;
	 * any other {@link VirtualMachineError}, such as an {@link OutOfMemoryError}, leaves
	 * the JVM in no state to carry on as if nothing happened, and propagates.
	 */
	private void notifyListeners(HttpServletRequest request, int status, AugnoError error) {
		for (ErrorListener listener : this.listeners) {
			try {
				listener.onError(request, status, error);
			}
			catch (Throwable ex) {
				if (ex instanceof VirtualMachineError && !(ex instanceof StackOverflowError)) {
					throw ex;
				}
				logger.warn("Error listener " + listener.getClass().getName() + " failed for " + error.code()
						+ " (request_id=" + RequestIds.find(request) + ")", ex);
			}
		}
	}

	/**
	 * Return the id of a request, assigning one (and its response header) if the request
	 * id filter has not run for it, as for a request the container rejected itself.
	 * @param request the request
	 * @param response the response
	 * @return the id
	 */
	public String requestId(HttpServletRequest request, HttpServletResponse response) {
		String id = RequestIds.find(request);
		if (id == null) {
			id = this.requestIdGenerator.generate();
			request.setAttribute(RequestIds.ATTRIBUTE, id);
			if (!response.isCommitted()) {
				response.setHeader(this.requestIdHeader, id);
			}
		}
		return id;
	}

}
