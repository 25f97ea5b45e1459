package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorFactory;
import com.augno.errors.StatusCodes;
import com.augno.errors.spring.format.ErrorBody;
import com.augno.errors.spring.format.ErrorFormats;
import com.augno.errors.spring.format.ErrorMessages;
import com.augno.errors.spring.format.ErrorRenderer;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.mapping.ErrorResponseMapper;
import com.augno.errors.spring.mapping.MappedError;
import com.augno.errors.spring.web.ErrorEvent;
import com.augno.errors.spring.web.ErrorListener;
import com.augno.errors.spring.web.ErrorListeners;
import com.augno.errors.spring.web.ErrorLogger;
import com.augno.errors.spring.web.RequestIdGenerator;
import com.augno.errors.spring.web.RequestIds;
import io.micrometer.observation.Observation;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Answers a failed servlet request with the envelope: maps the failure through the
 * {@link CompositeExceptionMapper}, logs it once, and writes it. The controller advice,
 * the request id filter, the error controller and the Spring Security handlers all end
 * here, so every path answers the same way.
 * <p>
 * A client that went away (a {@link MappedError#disconnected() disconnect}) gets nothing
 * written: the status is set to 499 while the response is not committed, and the request
 * is marked with {@link #CLIENT_CLOSED_ATTRIBUTE} so that the container can record the
 * 499 of a response that was; it is logged and counted once, however many dispatches of
 * the request find it. A {@code client_closed_request} the application throws itself is
 * written with status 499 like any other error, and logged at the level of disconnects.
 * Any other failure after the response was committed is logged once and recorded in
 * {@link CommittedFailures}, so that the response is aborted rather than finished.
 * <p>
 * What kind of answer a request gets is the {@link ErrorResponseDecision}'s to say:
 * outside {@code augno.errors.paths} the starter steps aside for Spring Boot's own error
 * handling; a browser of an application that has error pages ({@link ErrorPages}) gets
 * the page for the status, with the same status, logged and counted as the envelope would
 * be; every other request gets the envelope.
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
	 * The request attribute under which a filter that translates some exceptions itself
	 * (Spring Security's exception translation, with the starter's entry point) leaves a
	 * {@code Predicate<Throwable>} telling which: Spring MVC leaves those to it, so that
	 * the mechanism's challenge is kept, as without the starter.
	 */
	public static final String UPSTREAM_TRANSLATION_ATTRIBUTE = ErrorResponseHandler.class.getName()
			+ ".upstreamTranslation";

	/**
	 * The request attribute a filter sets to say that its protocol's own answers (an
	 * OAuth2 authorization server's bodiless 401 to a client without credentials) are
	 * left as they are: an error status set without a body is then not given the
	 * envelope.
	 */
	public static final String OWN_ANSWERS_ATTRIBUTE = ErrorResponseHandler.class.getName() + ".ownAnswers";

	/**
	 * The request attribute under which Spring's {@code ServerHttpObservationFilter}
	 * keeps the request's observation (its name is not public; when it is absent, only
	 * the observation's context is given the error).
	 */
	private static final String OBSERVATION_ATTRIBUTE = ServerHttpObservationFilter.class.getName() + ".observation";

	private static final boolean OPEN_TELEMETRY_PRESENT = ClassUtils.isPresent("io.opentelemetry.api.trace.Span",
			ErrorResponseHandler.class.getClassLoader());

	private static final boolean MICROMETER_TRACING_PRESENT = ClassUtils.isPresent(
			"io.micrometer.tracing.handler.TracingObservationHandler", ErrorResponseHandler.class.getClassLoader());

	/**
	 * The request attribute that holds the error page waiting for the error dispatch, and
	 * then {@code Boolean.TRUE} once a page was handed out for rendering, so that a page
	 * that fails to render is answered with the envelope.
	 */
	static final String PAGE_ATTRIBUTE = ErrorResponseHandler.class.getName() + ".page";

	/**
	 * The request attribute that holds the error whose page was chosen, answered with the
	 * envelope when the page itself fails to render.
	 */
	private static final String CHOSEN_PAGE_ATTRIBUTE = ErrorResponseHandler.class.getName() + ".chosenPage";

	/**
	 * The request attribute that marks a read failure the first dispatch answered, whose
	 * envelope the container's error dispatch writes.
	 */
	private static final String READ_FAILURE_ANSWERED_ATTRIBUTE = ErrorResponseHandler.class.getName()
			+ ".readFailureAnswered";

	private static final Log logger = LogFactory.getLog(ErrorResponseHandler.class);

	/**
	 * The longest request path repeated as a problem's {@code instance}.
	 */
	private static final int MAX_INSTANCE_LENGTH = 1024;

	private final CompositeExceptionMapper mappers;

	private final ErrorFactory errorFactory;

	private final ErrorResponseWriter writer;

	private final ErrorLogger errorLogger;

	private final RequestIdGenerator requestIdGenerator;

	private final String requestIdHeader;

	private final ErrorListeners listeners;

	private final ErrorResponseDecision decision;

	private final @Nullable ErrorPages pages;

	private final ErrorRenderer renderer;

	private volatile ContainerSupport containerSupport = ContainerSupport.NONE;

	private final List<Predicate<HttpServletRequest>> ownAnswers = new CopyOnWriteArrayList<>();

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
		this(mappers, errorFactory, writer, errorLogger, requestIdGenerator, requestIdHeader, listeners,
				new ErrorResponseDecision(), null);
	}

	/**
	 * Create a handler that answers the requests the decision assigns to it, with the
	 * application's error pages for browsers.
	 * @param mappers the mapper chain
	 * @param errorFactory builds the error from the service's registry and links
	 * @param writer writes the envelope
	 * @param errorLogger logs each error once
	 * @param requestIdGenerator generates an id for a request that has none yet
	 * @param requestIdHeader the response header that carries the request id
	 * @param listeners called for each answered error, in order
	 * @param decision decides which requests the starter answers, and how
	 * @param pages the application's error pages, or {@code null} to answer every request
	 * with the envelope
	 */
	public ErrorResponseHandler(CompositeExceptionMapper mappers, ErrorFactory errorFactory, ErrorResponseWriter writer,
			ErrorLogger errorLogger, RequestIdGenerator requestIdGenerator, String requestIdHeader,
			List<ErrorListener> listeners, ErrorResponseDecision decision, @Nullable ErrorPages pages) {
		this(mappers, errorFactory, writer, errorLogger, requestIdGenerator, requestIdHeader, listeners, decision,
				pages, ErrorFormats.augno(), new ErrorMessages(null, errorFactory.registry()));
	}

	/**
	 * Create a handler that answers in the format chosen for each request, with its
	 * messages in the request's language.
	 * @param mappers the mapper chain
	 * @param errorFactory builds the error from the service's registry and links
	 * @param writer writes the rendered error
	 * @param errorLogger logs each error once
	 * @param requestIdGenerator generates an id for a request that has none yet
	 * @param requestIdHeader the response header that carries the request id
	 * @param listeners called for each answered error, in order
	 * @param decision decides which requests the starter answers, and how
	 * @param pages the application's error pages, or {@code null} to answer every request
	 * with the envelope
	 * @param formats the formats, and the choice of one per request
	 * @param messages puts messages into the request's language
	 */
	public ErrorResponseHandler(CompositeExceptionMapper mappers, ErrorFactory errorFactory, ErrorResponseWriter writer,
			ErrorLogger errorLogger, RequestIdGenerator requestIdGenerator, String requestIdHeader,
			List<ErrorListener> listeners, ErrorResponseDecision decision, @Nullable ErrorPages pages,
			ErrorFormats formats, ErrorMessages messages) {
		this.renderer = new ErrorRenderer(errorFactory, formats, messages);
		this.decision = decision;
		this.pages = pages;
		this.mappers = mappers;
		this.errorFactory = errorFactory;
		this.writer = writer;
		this.errorLogger = errorLogger;
		this.requestIdGenerator = requestIdGenerator;
		this.requestIdHeader = requestIdHeader;
		this.listeners = new ErrorListeners(listeners);
	}

	/**
	 * Tell the handler what the servlet container does itself, once, when a container
	 * adapter installs itself (as the Tomcat customizer does).
	 * @param containerSupport what the container does for the request a thread runs
	 */
	public void setContainerSupport(ContainerSupport containerSupport) {
		this.containerSupport = containerSupport;
	}

	/**
	 * Return what the servlet container does itself.
	 * @return the container's support, {@link ContainerSupport#NONE} until an adapter
	 * installs itself
	 */
	ContainerSupport getContainerSupport() {
		return this.containerSupport;
	}

	/**
	 * Return the decision that tells which requests the starter answers, and how.
	 * @return the decision
	 */
	public ErrorResponseDecision getDecision() {
		return this.decision;
	}

	/**
	 * Answer a failure from outside Spring MVC's rendering (a filter, a security
	 * handler): with the envelope, or, for a browser, with the application's error page
	 * through the container's error dispatch ({@code sendError}), which the error
	 * controller renders. A request outside {@code augno.errors.paths} gets
	 * {@code sendError} alone, which Spring Boot's own error handling answers.
	 * @param request the request
	 * @param response the response
	 * @param failure what went wrong
	 * @throws IOException if writing the response fails
	 */
	public void handle(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
		answerFailure(request, response, failure, Delivery.FORWARD);
	}

	/**
	 * Answer a failure inside Spring MVC, where a view can be returned for rendering:
	 * with the application's error page for a browser, otherwise with the envelope.
	 * @param request the request
	 * @param response the response
	 * @param failure what went wrong
	 * @return the error page to render, or {@code null} if the answer was written
	 * @throws IOException if writing the response fails
	 */
	public @Nullable ModelAndView render(HttpServletRequest request, HttpServletResponse response, Throwable failure)
			throws IOException {
		return answerFailure(request, response, failure, Delivery.RETURN);
	}

	private @Nullable ModelAndView answerFailure(HttpServletRequest request, HttpServletResponse response,
			Throwable failure, Delivery delivery) throws IOException {
		if (request.getAttribute(PAGE_ATTRIBUTE) == Boolean.TRUE
				&& request.getAttribute(CHOSEN_PAGE_ATTRIBUTE) instanceof ChosenPage chosen
				&& !response.isCommitted()) {
			request.removeAttribute(CHOSEN_PAGE_ATTRIBUTE);
			answerPageFailure(request, response, chosen, failure);
			return null;
		}
		IOException readFailure = BodyReadFailures.find(request, failure);
		if (readFailure != null) {
			return respondToReadFailure(request, response, BodyReadFailures.map(readFailure), failure, delivery);
		}
		return answer(request, response, this.mappers.map(failure), failure, delivery);
	}

	/**
	 * Answer a failure of the application's error page itself (a template that fails
	 * half-way) with the envelope of the error the page was for, with its status: the
	 * client's answer is still that error, not the page's failure, which is logged. The
	 * error itself was logged and told to the listeners when its page was chosen.
	 */
	private void answerPageFailure(HttpServletRequest request, HttpServletResponse response, ChosenPage chosen,
			Throwable failure) throws IOException {
		String requestId = requestId(request, response);
		ErrorCode code = this.errorFactory.resolve(chosen.mapped().code());
		logger.error("The error page for " + chosen.status() + " " + code.code() + " of request " + requestId
				+ " failed to render; answered with the envelope", failure);
		Locale locale = locale(request);
		write(request, response, code, chosen.status(), chosen.mapped(),
				create(code, chosen.mapped(), requestId, locale), locale);
	}

	/**
	 * Answer an error a caller has already mapped inside Spring MVC, where a view can be
	 * returned for rendering; see
	 * {@link #render(HttpServletRequest, HttpServletResponse, Throwable)}.
	 * @param request the request
	 * @param response the response
	 * @param mapped the error
	 * @param cause the failure behind it, or {@code null}
	 * @return the error page to render, or {@code null} if the answer was written
	 * @throws IOException if writing the response fails
	 */
	public @Nullable ModelAndView render(HttpServletRequest request, HttpServletResponse response, MappedError mapped,
			@Nullable Throwable cause) throws IOException {
		return answer(request, response, mapped, cause, Delivery.RETURN);
	}

	/**
	 * Leave the answers to some requests as their protocol makes them (an OAuth2
	 * authorization server's endpoints, registered while its filter chain is built): an
	 * error status set without a body is not given the envelope, and an access denial is
	 * answered as Spring Security answers it.
	 * @param requests the requests
	 */
	public void leaveOwnAnswers(Predicate<HttpServletRequest> requests) {
		this.ownAnswers.add(requests);
	}

	/**
	 * Return whether a request's answers are left as its protocol makes them: it carries
	 * {@link #OWN_ANSWERS_ATTRIBUTE}, or it is one of the requests given to
	 * {@link #leaveOwnAnswers}.
	 * @param request the request
	 * @return whether its answers are its own
	 */
	public boolean isOwnAnswer(HttpServletRequest request) {
		if (request.getAttribute(OWN_ANSWERS_ATTRIBUTE) != null) {
			return true;
		}
		for (Predicate<HttpServletRequest> requests : this.ownAnswers) {
			if (requests.test(request)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return whether a failure is answered with the given status.
	 * @param failure the failure
	 * @param status the status
	 * @return whether the failure's code has that status
	 */
	boolean answersWith(Throwable failure, int status) {
		return this.errorFactory.resolve(this.mappers.map(failure).code()).status() == status;
	}

	/**
	 * Return the error that stands for an error status set without a body: the failure
	 * recorded under {@link #FAILURE_ATTRIBUTE} when it maps to that same status,
	 * otherwise the status's own code (a 401 to a request without an
	 * {@code Authorization} header saying that no credentials were provided).
	 * @param request the request
	 * @param status the status that was set
	 * @return the error and the failure behind it
	 */
	MappedFailure forStatus(HttpServletRequest request, int status) {
		if (request.getAttribute(FAILURE_ATTRIBUTE) instanceof Throwable failure) {
			MappedError mapped = this.mappers.map(failure);
			if (this.errorFactory.resolve(mapped.code()).status() == status) {
				return new MappedFailure(mapped, failure);
			}
		}
		ErrorCode code = StatusCodes.forStatus(status);
		if (code == ErrorCodes.INVALID_CREDENTIALS && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
			// A bare 401 to a request that carried no credentials: not "incorrect" ones.
			return new MappedFailure(MappedError.of(code).withMessage(StatusCodes.NO_CREDENTIALS_MESSAGE), null);
		}
		return new MappedFailure(MappedError.of(code), null);
	}

	/**
	 * Return the error page a failure outside Spring MVC left for the error dispatch,
	 * once; see {@link #handle}.
	 * @param request the request of the error dispatch
	 * @return the page to render, or {@code null}
	 */
	@Nullable ModelAndView takeForwardedPage(HttpServletRequest request) {
		if (request.getAttribute(PAGE_ATTRIBUTE) instanceof ModelAndView page) {
			request.setAttribute(PAGE_ATTRIBUTE, Boolean.TRUE);
			return page;
		}
		return null;
	}

	/**
	 * Record a failure answered with a 5xx in the request's observation, as Spring's
	 * {@code ServerHttpObservationFilter} records one that nobody answered: Spring Boot's
	 * {@code http.server.requests} keeps its {@code exception} tag and a trace its error,
	 * as without the starter. An error the application recorded itself is kept.
	 */
	private static void recordInObservation(HttpServletRequest request, Throwable cause, Delivery delivery) {
		if (delivery == Delivery.RETURN
				&& request.getAttribute(OBSERVATION_ATTRIBUTE) instanceof Observation observation) {
			// A failure Spring MVC handed over, which never reaches the observation
			// filter: Observation.error, as the filter calls it for an exception that
			// does, since a tracing handler marks the span as failed only then, not for
			// an error set on the context alone (as Spring MVC sets the one it handled).
			// An exception from another filter went through the observation filter.
			Throwable recorded = observation.getContext().getError();
			if (recorded == null || recorded == cause) {
				observation.error(cause);
			}
			return;
		}
		ServerHttpObservationFilter.findObservationContext(request).ifPresent((context) -> {
			if (context.getError() == null) {
				context.setError(cause);
			}
		});
	}

	/**
	 * Record a failure answered with a 5xx on the current OpenTelemetry span, where the
	 * OpenTelemetry Java agent (or any OpenTelemetry instrumentation of the server)
	 * records a failure nobody answered, unless Micrometer Tracing follows the request's
	 * observation, which gave its span the failure above.
	 */
	private static void recordInOpenTelemetrySpan(HttpServletRequest request, Throwable cause) {
		if (OPEN_TELEMETRY_PRESENT && !(MICROMETER_TRACING_PRESENT && TracedObservations.isTraced(request))) {
			OpenTelemetrySpans.recordFailure(cause);
		}
	}

	/**
	 * Answer a request body the container could not read ({@link BodyReadFailures}) once,
	 * though it arrives twice: on the first dispatch, where the container has suspended
	 * the response, the error is logged and the listeners told; on the container's error
	 * dispatch that follows, the envelope is written, or for a client that is gone
	 * nothing is done again.
	 */
	private @Nullable ModelAndView respondToReadFailure(HttpServletRequest request, HttpServletResponse response,
			MappedError mapped, Throwable failure, Delivery delivery) throws IOException {
		if (request.getDispatcherType() != DispatcherType.ERROR) {
			request.setAttribute(READ_FAILURE_ANSWERED_ATTRIBUTE, Boolean.TRUE);
			return answer(request, response, mapped, failure, Delivery.NONE);
		}
		if (request.getAttribute(READ_FAILURE_ANSWERED_ATTRIBUTE) == null) {
			return answer(request, response, mapped, failure, delivery);
		}
		if (request.getAttribute(CLIENT_CLOSED_ATTRIBUTE) == null) {
			ErrorCode code = this.errorFactory.resolve(mapped.code());
			Locale locale = locale(request);
			write(request, response, code, code.status(), mapped,
					create(code, mapped, requestId(request, response), locale), locale);
		}
		return null;
	}

	/**
	 * Answer an error status that was set without a body: with the failure recorded under
	 * {@link #FAILURE_ATTRIBUTE} when it maps to that same status, otherwise with the
	 * status's own code. A status that no code answers with (a 418, a 422) is left as the
	 * application set it, rather than turned into another status.
	 * @param request the request
	 * @param response the response
	 * @param status the status that was set
	 * @throws IOException if writing the response fails
	 */
	public void respondToStatus(HttpServletRequest request, HttpServletResponse response, int status)
			throws IOException {
		MappedFailure failure = forStatus(request, status);
		if (this.errorFactory.resolve(failure.mapped().code()).status() != status) {
			return;
		}
		answer(request, response, failure.mapped(), failure.cause(), Delivery.STATUS);
	}

	/**
	 * Answer with an error a caller has already mapped, always with the envelope (as for
	 * a container valve, where neither Spring MVC nor an error dispatch can render a
	 * page).
	 * @param request the request
	 * @param response the response
	 * @param mapped the error
	 * @param cause the failure behind it, logged for a server error, or {@code null}
	 * @throws IOException if writing the response fails
	 */
	public void respond(HttpServletRequest request, HttpServletResponse response, MappedError mapped,
			@Nullable Throwable cause) throws IOException {
		answer(request, response, mapped, cause, Delivery.ENVELOPE);
	}

	private @Nullable ModelAndView answer(HttpServletRequest request, HttpServletResponse response, MappedError mapped,
			@Nullable Throwable cause, Delivery delivery) throws IOException {
		if (CommittedFailures.find(request) != null && response.isCommitted()) {
			// Answered already: logged, and recorded so that the response is aborted.
			return null;
		}
		if (Boolean.TRUE.equals(request.getAttribute(CLIENT_CLOSED_ATTRIBUTE))) {
			// Answered already, as a disconnect: the container reports the 499 again.
			return null;
		}
		ErrorCode code = this.errorFactory.resolve(mapped.code());
		String requestId = requestId(request, response);
		if (mapped.disconnected()) {
			request.setAttribute(CLIENT_CLOSED_ATTRIBUTE, Boolean.TRUE);
			this.containerSupport.recordClientClosed();
			if (!response.isCommitted()) {
				response.setStatus(499);
			}
			this.errorLogger.logClientClosed(OriginalRequest.method(request), OriginalRequest.uri(request),
					ServletRequestIds.find(request), (cause != null) ? cause : new IOException("client closed"));
			if (!this.listeners.isEmpty()) {
				notifyListeners(request, code.status(),
						this.errorFactory.create(code, mapped.type(), mapped.message(), null, null, requestId),
						requestId);
			}
			return null;
		}
		if (response.isCommitted() && isTimedOutEventStream(response, cause)) {
			// An SseEmitter's timeout is how the application bounds its stream of events,
			// which has no end to fall short of: no failure, so it ends cleanly, as
			// without the starter, and the client reconnects.
			if (logger.isDebugEnabled()) {
				logger.debug("Event stream of request " + requestId + " ended by its timeout");
			}
			return null;
		}
		ModelAndView forwarded = forwardedPageNotReached(request, response, delivery, cause);
		if (forwarded != null) {
			if (delivery == Delivery.RETURN) {
				// Spring MVC renders it, as the error controller would have.
				response.resetBuffer();
				return forwarded;
			}
			ErrorPages pages = this.pages;
			if (pages != null
					&& pages.renderAfterChain(request, (scoped) -> pages.render(forwarded, scoped, response))) {
				return null;
			}
		}
		if (delivery == Delivery.FORWARD && !this.decision.isEnveloped(request)) {
			if (!response.isCommitted()) {
				ErrorResponseWriter.setHeaders(response, mapped.headers());
				response.sendError(code.status());
			}
			return null;
		}
		int status = answerStatus(request, code, mapped, cause);
		Locale locale = locale(request);
		AugnoError error = create(code, mapped, requestId, locale);
		if (code.status() == 499) {
			// The application's own client_closed_request: written, logged like a
			// disconnect.
			this.errorLogger.logClientClosed(OriginalRequest.method(request), OriginalRequest.uri(request),
					ServletRequestIds.find(request), (cause != null) ? cause : new IOException("client closed"));
		}
		else {
			this.errorLogger.log(OriginalRequest.method(request), OriginalRequest.uri(request),
					ServletRequestIds.find(request), status, error, cause,
					response.isCommitted() ? response.getStatus() : 0);
			if (cause != null && status >= 500) {
				recordInObservation(request, cause, delivery);
				recordInOpenTelemetrySpan(request, cause);
			}
		}
		// An error dispatch cannot forward to another one.
		boolean pageable = delivery == Delivery.RETURN || delivery == Delivery.STATUS
				|| (delivery == Delivery.FORWARD && request.getDispatcherType() != DispatcherType.ERROR);
		// For a browser that prefers HTML, unless a page was already tried for this
		// request (a page that failed to render is answered with the envelope) or the
		// response can no longer take one.
		boolean browserPage = pageable && this.pages != null && !response.isCommitted()
				&& request.getAttribute(PAGE_ATTRIBUTE) == null && this.decision.prefersHtml(request);
		if (browserPage && delivery != Delivery.STATUS && this.pages.hasOwnErrorController()) {
			// The application's own ErrorController answers it on the error dispatch, as
			// without the starter.
			ErrorResponseWriter.setHeaders(response, mapped.headers());
			notifyListeners(request, status, error, requestId);
			response.sendError(status);
			return null;
		}
		ModelAndView page = browserPage ? page(request, status, code, mapped, error, locale, requestId, cause) : null;
		if (page != null && delivery == Delivery.STATUS && rendersInPlace(request)) {
			if (renderHere(page, request, response, status, mapped)) {
				notifyListeners(request, status, error, requestId);
				return null;
			}
			// Not rendered: the envelope answers.
			page = null;
		}
		if (page != null) {
			request.setAttribute(CHOSEN_PAGE_ATTRIBUTE, new ChosenPage(mapped, status));
			ErrorResponseWriter.setHeaders(response, mapped.headers());
			notifyListeners(request, status, error, requestId);
			// A status set without a body reaches here only where the page cannot be
			// rendered in place.
			if (delivery == Delivery.FORWARD || !rendersInPlace(request)) {
				withStatus(page, status);
				request.setAttribute(PAGE_ATTRIBUTE, page);
				response.sendError(status);
				return null;
			}
			request.setAttribute(PAGE_ATTRIBUTE, Boolean.TRUE);
			response.resetBuffer();
			response.setStatus(status);
			CachedAsyncErrors.answered(request, response);
			return withStatus(this.pages.inPlace(page, request, response), status);
		}
		if (delivery == Delivery.NONE) {
			notifyListeners(request, status, error, requestId);
			return null;
		}
		boolean written = write(request, response, code, status, mapped, error, locale);
		if (!written) {
			CommittedFailures.record(request, (cause != null) ? cause
					: new IllegalStateException("Response committed before " + error.code() + " could be written"),
					status);
			this.containerSupport.recordCommittedFailure();
			if (logger.isDebugEnabled()) {
				logger
					.debug("Response already committed; aborting it for " + error.code() + " of request " + requestId);
			}
		}
		// The status written, which a caller's response may keep different from the
		// code's.
		notifyListeners(request, written ? response.getStatus() : status, error, requestId);
		return null;
	}

	/**
	 * The status to answer with: the code's, unless the failure carried a status no code
	 * stands for (a {@code ResponseStatusException} or a {@code sendError} with a 422),
	 * which is kept (see {@link StatusCodes#answerStatus}).
	 */
	private static int answerStatus(HttpServletRequest request, ErrorCode code, MappedError mapped,
			@Nullable Throwable cause) {
		return StatusCodes.answerStatus(mapped.code(), code.status(), () -> {
			if (cause != null) {
				return ErrorResponseMapper.statusOf(cause);
			}
			return (request.getDispatcherType() == DispatcherType.ERROR
					&& request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status) ? status
							: -1;
		});
	}

	private static boolean isTimedOutEventStream(HttpServletResponse response, @Nullable Throwable cause) {
		String contentType = response.getContentType();
		return cause instanceof AsyncRequestTimeoutException && contentType != null && contentType.regionMatches(true,
				0, MediaType.TEXT_EVENT_STREAM_VALUE, 0, MediaType.TEXT_EVENT_STREAM_VALUE.length());
	}

	/**
	 * The language of a request's messages: the one its {@code Accept-Language} header
	 * prefers, matched against the languages the application supports when its
	 * {@code LocaleResolver} is Spring's {@link AcceptHeaderLocaleResolver} (which turns
	 * {@code ja,de;q=0.9} into German for an application without Japanese); English (the
	 * contract's) when it sends none. A resolver that keeps a browser's chosen language
	 * (a session, a cookie) decides a page's language, not an API client's.
	 */
	private static Locale locale(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
			return Locale.ENGLISH;
		}
		return (RequestContextUtils.getLocaleResolver(request) instanceof AcceptHeaderLocaleResolver resolver)
				? resolver.resolveLocale(request) : request.getLocale();
	}

	private AugnoError create(ErrorCode code, MappedError mapped, String requestId, Locale locale) {
		return this.renderer.create(code, mapped, requestId, locale);
	}

	/**
	 * Render an error in the format chosen for the request and write it, unless the
	 * response is committed. The status is the one the response takes, which a caller's
	 * response may keep different from the code's.
	 */
	private boolean write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, int answerStatus,
			MappedError mapped, AugnoError error, Locale locale) throws IOException {
		if (response.isCommitted()) {
			return false;
		}
		response.setStatus(answerStatus);
		int status = response.getStatus();
		ErrorBody rendered = this.renderer.render(code, mapped, error, status, ServletRequestIds.find(request),
				instance(request), locale, request.getHeader(HttpHeaders.ACCEPT));
		if (!response.containsHeader(HttpHeaders.CONTENT_DISPOSITION)
				&& ReflectedFileDownload.needsProtection(OriginalRequest.uri(request))) {
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ReflectedFileDownload.DISPOSITION);
		}
		boolean written = this.writer.write(response, status, rendered);
		if (written) {
			CachedAsyncErrors.answered(request, response);
		}
		return written;
	}

	/**
	 * The path the client asked for, without its query, unless it is too long to repeat.
	 */
	private static @Nullable String instance(HttpServletRequest request) {
		String uri = OriginalRequest.uri(request);
		return (uri != null && uri.length() <= MAX_INSTANCE_LENGTH) ? uri : null;
	}

	/**
	 * Return the page a failure outside Spring MVC left for the error dispatch, once,
	 * when that dispatch failed before it reached the page: in a filter (Spring
	 * Security's CSRF check reading the parameters of a form Tomcat refused to parse), or
	 * in Spring MVC (the {@code DispatcherServlet} resolving that form's parts again).
	 * The failure was answered and logged when the page was found; the page is still the
	 * answer.
	 */
	private @Nullable ModelAndView forwardedPageNotReached(HttpServletRequest request, HttpServletResponse response,
			Delivery delivery, @Nullable Throwable cause) {
		if (this.pages == null || (delivery != Delivery.FORWARD && delivery != Delivery.RETURN)
				|| request.getDispatcherType() != DispatcherType.ERROR || response.isCommitted()) {
			return null;
		}
		ModelAndView page = takeForwardedPage(request);
		if (page == null) {
			return null;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("The error dispatch of request " + ServletRequestIds.find(request)
					+ " failed before its error page" + ((cause != null) ? " (" + cause.getClass().getName() + ")" : "")
					+ "; rendering the page");
		}
		// The error controller, for which Spring MVC runs the advice, was not reached.
		return this.pages.withAdviceModel(page, request, response);
	}

	/**
	 * Render the page for a status the application set without a body, here rather than
	 * through the container's error dispatch: without the starter that status had no
	 * error dispatch, which the application's security rules (that may not permit
	 * {@code /error}) would answer with a 401 or 403 of their own. The chain has
	 * returned: the page is rendered in the application's {@link ErrorPageScope}, which
	 * restores the signed-in user.
	 * @return whether it was rendered; if not, the envelope answers
	 */
	private boolean renderHere(ModelAndView page, HttpServletRequest request, HttpServletResponse response, int status,
			MappedError mapped) {
		ErrorPages pages = this.pages;
		if (pages == null) {
			return false;
		}
		request.setAttribute(PAGE_ATTRIBUTE, Boolean.TRUE);
		response.resetBuffer();
		ErrorResponseWriter.setHeaders(response, mapped.headers());
		return pages.renderAfterChain(request, (scoped) -> {
			ModelAndView inPlace = withStatus(pages.inPlace(page, scoped, response), status);
			response.setStatus(inPlace.getStatus().value());
			CachedAsyncErrors.answered(scoped, response);
			return pages.render(inPlace, scoped, response);
		});
	}

	/**
	 * Give a page the error's status, unless the application's {@code ErrorViewResolver}
	 * chose one (a single-page application answers a deep link's 404 with its index page
	 * and a 200), which wins, as in Spring Boot's error controller.
	 */
	private static ModelAndView withStatus(ModelAndView page, int status) {
		if (page.getStatus() == null) {
			page.setStatus(HttpStatusCode.valueOf(status));
		}
		return page;
	}

	/**
	 * Return whether a page can be rendered in the request's own dispatch: for
	 * {@code GET}, {@code HEAD} and {@code POST}. A JSP answers any other method (a
	 * form's {@code DELETE} through Spring's hidden method filter) with a 405 outside an
	 * error dispatch, so such a page goes through the container's error dispatch, as
	 * without the starter.
	 */
	private static boolean rendersInPlace(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			return true;
		}
		String method = request.getMethod();
		return "GET".equals(method) || "POST".equals(method) || "HEAD".equals(method);
	}

	/**
	 * The application's page for a browser, if it has one. Its message is in the language
	 * Spring MVC renders the page in, which the application's {@code LocaleResolver}
	 * chooses, not necessarily the {@code Accept-Language} the envelope follows.
	 */
	private @Nullable ModelAndView page(HttpServletRequest request, int status, ErrorCode code, MappedError mapped,
			AugnoError error, Locale locale, String requestId, @Nullable Throwable cause) {
		if (this.pages == null) {
			return null;
		}
		try {
			Locale pageLocale = this.pages.locale(request);
			AugnoError shown = pageLocale.equals(locale) ? error : create(code, mapped, requestId, pageLocale);
			return this.pages.find(request, status, shown, requestId, cause);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not look up the error page for status " + status + "; answering with the envelope", ex);
			return null;
		}
	}

	/**
	 * Tell the listeners about an error, with the client's method and path and the
	 * pattern of the handler Spring MVC matched, if any.
	 */
	private void notifyListeners(HttpServletRequest request, int status, AugnoError error, String requestId) {
		String route = (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern)
				? pattern : null;
		this.listeners.notify(new ErrorEvent(OriginalRequest.method(request), OriginalRequest.uri(request), route,
				status, error, requestId));
	}

	/**
	 * Return the id of a request, assigning one (and its response header) if the request
	 * id filter has not run for it, as for a request the container rejected itself.
	 * @param request the request
	 * @param response the response
	 * @return the id
	 */
	public String requestId(HttpServletRequest request, HttpServletResponse response) {
		String id = ServletRequestIds.find(request);
		if (id == null) {
			id = this.requestIdGenerator.generate();
			request.setAttribute(RequestIds.ATTRIBUTE, id);
			if (!response.isCommitted()) {
				response.setHeader(this.requestIdHeader, id);
			}
		}
		return id;
	}

	/**
	 * How an answer may be delivered by its caller.
	 */
	private enum Delivery {

		/**
		 * The caller renders a returned page (Spring MVC).
		 */
		RETURN,

		/**
		 * A page goes through the container's error dispatch.
		 */
		FORWARD,

		/**
		 * A status set without a body: a page is rendered where the status was set,
		 * through the container's error dispatch only where it cannot be (see
		 * {@code rendersInPlace}).
		 */
		STATUS,

		/**
		 * Always the envelope.
		 */
		ENVELOPE,

		/**
		 * Logged and told to the listeners only: the container's error dispatch that
		 * follows writes the answer.
		 */
		NONE

	}

	/**
	 * The error whose page was chosen, with the status it was answered with.
	 *
	 * @param mapped the error
	 * @param status the status
	 */
	private record ChosenPage(MappedError mapped, int status) {

	}

	/**
	 * An error with the failure behind it.
	 *
	 * @param mapped the error
	 * @param cause the failure, or {@code null}
	 */
	record MappedFailure(MappedError mapped, @Nullable Throwable cause) {

	}

}
