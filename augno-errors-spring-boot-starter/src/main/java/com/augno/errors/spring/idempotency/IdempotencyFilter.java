package com.augno.errors.spring.idempotency;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorType;
import com.augno.errors.spring.properties.AugnoErrorsIdempotencyProperties;
import com.augno.errors.spring.properties.StoreFailurePolicy;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Executes a request that carries an idempotency key once per caller, endpoint and key,
 * and answers retries from the {@link IdempotencyStore}: the stored response again
 * (marked {@value #REPLAYED_HEADER}), {@code idempotency_in_progress} while the first is
 * still running, and {@code validation_failed} of type {@code idempotency_error} when the
 * key comes back with other parameters. A response that is not final (a 5xx, 408, 429, an
 * error whose body a later layer writes) or too large to store releases the key, so that
 * a retry executes again. When the store fails, the configured {@link StoreFailurePolicy
 * policy} decides.
 * <p>
 * While a request runs, its in-flight marker is renewed every half lock timeout (by one
 * sweeper over the running requests, see {@link InFlightRenewals}), so a request that
 * runs longer than the lock timeout keeps its key; the marker expires only when its
 * instance stops renewing it, because it died.
 * <p>
 * Order it after Spring Security's filter chain, so that the principal scopes the key,
 * and after the request id filter, which answers its errors. It acts on the request
 * dispatch only; an async or error dispatch of the same request passes through.
 *
 * @since 0.1.0
 */
public class IdempotencyFilter implements Filter {

	/**
	 * The response header that marks a replayed response.
	 */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private static final Log logger = LogFactory.getLog(IdempotencyFilter.class);

	private static final int MAX_ECHO = 200;

	private static final String NOT_STORED = "the response was not stored, and retries get idempotency_in_progress "
			+ "until the lock timeout, then execute again";

	private final IdempotencyStore store;

	private final IdempotencyCallerResolver callerResolver;

	private final ErrorResponseHandler errorHandler;

	private final String header;

	private final Set<String> methods;

	private final Duration retention;

	private final Duration lockTimeout;

	private final Duration inProgressRetryAfter;

	private final int maxKeyLength;

	private final List<String> fingerprintHeaders;

	// The configured names, each once whatever its case, asked of the response one by
	// one: no allocation for the usual absent header, where listing the response's names
	// builds a collection and a string per name.
	private final List<String> replayedHeaders;

	private final long maxRequestSize;

	private final int maxResponseSize;

	private final StoreFailurePolicy onStoreFailure;

	private final AtomicBoolean storeFailing = new AtomicBoolean();

	// A claim's token needs to be unique, not secret (it never leaves the server): a
	// random prefix per filter, which tells instances and restarts apart, and a counter,
	// rather than a UUID from the shared SecureRandom on every request.
	private final String tokenPrefix = UUID.randomUUID() + "-";

	private final AtomicLong tokens = new AtomicLong();

	private final InFlightRenewals renewals;

	/**
	 * Create the filter.
	 * @param store where keys and responses are kept
	 * @param callerResolver tells who is calling
	 * @param errorHandler answers the filter's errors with the envelope
	 * @param properties the configuration
	 */
	public IdempotencyFilter(IdempotencyStore store, IdempotencyCallerResolver callerResolver,
			ErrorResponseHandler errorHandler, AugnoErrorsIdempotencyProperties properties) {
		this.store = store;
		this.callerResolver = callerResolver;
		this.errorHandler = errorHandler;
		this.header = properties.getHeader();
		this.methods = properties.getMethods()
			.stream()
			.map((method) -> method.toUpperCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		this.retention = properties.getRetention();
		this.lockTimeout = properties.getLockTimeout();
		this.inProgressRetryAfter = properties.getInProgressRetryAfter();
		this.maxKeyLength = properties.getMaxKeyLength();
		this.fingerprintHeaders = List.copyOf(properties.getFingerprintHeaders());
		this.replayedHeaders = distinctIgnoringCase(properties.getReplayedHeaders());
		this.maxRequestSize = properties.getMaxRequestSize().toBytes();
		this.maxResponseSize = (int) Math.min(Integer.MAX_VALUE - 16, properties.getMaxResponseSize().toBytes());
		this.onStoreFailure = properties.getOnStoreFailure();
		this.renewals = new InFlightRenewals(store, this.lockTimeout);
	}

	/**
	 * Stop renewing in-flight markers: the application is shutting down.
	 */
	@Override
	public void destroy() {
		this.renewals.shutdown();
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest httpRequest && response instanceof HttpServletResponse httpResponse
				&& request.getDispatcherType() == DispatcherType.REQUEST && carriesKey(httpRequest)) {
			doFilter(httpRequest, httpResponse, chain);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private boolean carriesKey(HttpServletRequest request) {
		return this.methods.contains(request.getMethod()) && request.getHeader(this.header) != null;
	}

	private void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = key(request);
		if (key == null) {
			this.errorHandler.handle(request, response,
					AugnoException.of(ErrorCodes.PARAMETER_INVALID)
						.message("The " + this.header + " header must be given once, with 1 to " + this.maxKeyLength
								+ " printable ASCII characters.")
						.param(this.header));
			return;
		}
		byte[] body = null;
		HttpServletRequest forwarded = request;
		if (!RequestFingerprint.isForm(request)) {
			body = readBody(request);
			if (body == null || body.length > this.maxRequestSize) {
				this.errorHandler.handle(request, response,
						AugnoException.of("request_too_large")
							.message("A request with an " + this.header + " header may have a body of at most "
									+ this.maxRequestSize + " bytes."));
				return;
			}
			forwarded = new CachedBodyRequest(request, body);
		}
		String fingerprint = RequestFingerprint.of(request, this.fingerprintHeaders, body);
		String scopedKey = RequestFingerprint.scopedKey(this.callerResolver.resolve(request), request, key);
		IdempotencyRecord.InFlight inFlight = new IdempotencyRecord.InFlight(nextToken(), fingerprint);
		IdempotencyRecord existing;
		try {
			existing = this.store.claim(scopedKey, inFlight, this.lockTimeout);
			storeAnswered();
		}
		catch (RuntimeException ex) {
			storeFailed(request.getMethod(), request.getRequestURI(), ex,
					(this.onStoreFailure == StoreFailurePolicy.REJECT) ? "answering service_unavailable"
							: "proceeding without idempotency");
			if (this.onStoreFailure == StoreFailurePolicy.REJECT) {
				this.errorHandler.handle(request, response, AugnoException.of(ErrorCodes.SERVICE_UNAVAILABLE)
					.message("Idempotency keys cannot be checked at the moment. Please retry later."));
			}
			else {
				chain.doFilter(forwarded, response);
			}
			return;
		}
		if (existing == null) {
			execute(forwarded, response, chain, scopedKey, inFlight);
		}
		else if (!existing.fingerprint().equals(fingerprint)) {
			this.errorHandler.handle(request, response,
					AugnoException.of(ErrorCodes.VALIDATION_FAILED)
						.type(ErrorType.IDEMPOTENCY_ERROR)
						.message("Idempotency key '" + echo(key)
								+ "' was used with different request parameters; use a new key."));
		}
		else if (existing instanceof IdempotencyRecord.Completed completed) {
			replay(response, completed);
		}
		else {
			this.errorHandler.handle(request, response,
					AugnoException.of(ErrorCodes.IDEMPOTENCY_IN_PROGRESS)
						.message("Request for the idempotency key '" + echo(key) + "' is already being processed.")
						.retryAfter(this.inProgressRetryAfter));
		}
	}

	private String nextToken() {
		return this.tokenPrefix + Long.toString(this.tokens.incrementAndGet(), Character.MAX_RADIX);
	}

	/**
	 * Read the body, at most one byte over the bound: a declared length is read exactly,
	 * so that a small body does not cost a buffer of the stream's default size.
	 */
	private byte @Nullable [] readBody(HttpServletRequest request) throws IOException {
		long length = request.getContentLengthLong();
		if (length > this.maxRequestSize) {
			return null;
		}
		int limit = (int) Math.min(Integer.MAX_VALUE - 16, this.maxRequestSize + 1);
		return request.getInputStream().readNBytes((length >= 0) ? (int) length : limit);
	}

	private void execute(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String scopedKey,
			IdempotencyRecord.InFlight inFlight) throws ServletException, IOException {
		CapturingResponse capture = new CapturingResponse(response, this.maxResponseSize);
		InFlightRenewals.Renewal renewal = this.renewals.start(request.getMethod(), request.getRequestURI(), scopedKey,
				inFlight);
		boolean returned = false;
		try {
			chain.doFilter(request, capture);
			returned = true;
		}
		finally {
			if (!returned) {
				renewal.stop();
				release(scopedKey, inFlight);
			}
		}
		if (request.isAsyncStarted()) {
			request.getAsyncContext().addListener(new AsyncListener() {

				@Override
				public void onComplete(AsyncEvent event) {
					renewal.stop();
					finish(request, capture, scopedKey, inFlight);
				}

				@Override
				public void onTimeout(AsyncEvent event) {
				}

				@Override
				public void onError(AsyncEvent event) {
				}

				@Override
				public void onStartAsync(AsyncEvent event) {
				}

			});
		}
		else {
			renewal.stop();
			finish(request, capture, scopedKey, inFlight);
			capture.settle();
		}
	}

	private void finish(HttpServletRequest request, CapturingResponse capture, String scopedKey,
			IdempotencyRecord.InFlight inFlight) {
		int status = capture.getStatus();
		byte[] body = capture.isComplete() ? capture.body() : null;
		if (body == null || body.length > this.maxResponseSize) {
			if (capture.isOverflowed() || body != null) {
				logger.info("Not storing the response to " + request.getMethod() + " " + echo(request.getRequestURI())
						+ " for its idempotency key: its body exceeds augno.errors.idempotency.max-response-size ("
						+ this.maxResponseSize + " bytes); a retry executes again");
			}
			release(scopedKey, inFlight);
			return;
		}
		if (!isFinal(status) || (status >= 400 && body.length == 0)) {
			release(scopedKey, inFlight);
			return;
		}
		List<IdempotencyRecord.Header> headers = List.of();
		for (String name : this.replayedHeaders) {
			if (capture.containsHeader(name)) {
				if (headers.isEmpty()) {
					headers = new ArrayList<>(4);
				}
				for (String value : capture.getHeaders(name)) {
					headers.add(new IdempotencyRecord.Header(name, value));
				}
			}
		}
		// The store may answer after the client has the response, when the request is
		// gone.
		String method = request.getMethod();
		String uri = request.getRequestURI();
		CompletionStage<Void> stored;
		try {
			stored = this.store.complete(scopedKey, inFlight,
					new IdempotencyRecord.Completed(inFlight.fingerprint(), status, headers, body), this.retention);
		}
		catch (RuntimeException ex) {
			storeFailed(method, uri, ex, NOT_STORED);
			return;
		}
		stored.whenComplete((ignored, ex) -> {
			if (ex == null) {
				storeAnswered();
			}
			else {
				storeFailed(method, uri,
						(ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex, NOT_STORED);
			}
		});
	}

	private static List<String> distinctIgnoringCase(List<String> names) {
		Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		return names.stream().filter(seen::add).toList();
	}

	/**
	 * Return whether a status is the request's final answer, replayed to retries; a
	 * server error, a timeout, a rate limit or a disconnect may go otherwise next time.
	 */
	private static boolean isFinal(int status) {
		return status < 500 && status != 408 && status != 429 && status != 499;
	}

	private void replay(HttpServletResponse response, IdempotencyRecord.Completed completed) throws IOException {
		response.setStatus(completed.status());
		for (IdempotencyRecord.Header header : completed.headers()) {
			response.addHeader(header.name(), header.value());
		}
		response.setHeader(REPLAYED_HEADER, "true");
		response.setContentLength(completed.bodyLength());
		completed.writeBody(response.getOutputStream());
	}

	private void release(String scopedKey, IdempotencyRecord.InFlight inFlight) {
		try {
			this.store.release(scopedKey, inFlight);
		}
		catch (RuntimeException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("Could not release an idempotency key; it expires with its lock timeout", ex);
			}
		}
	}

	/**
	 * Return the request's idempotency key: one header value of printable ASCII, at most
	 * the configured length, quotes of a structured-field string removed.
	 */
	private @Nullable String key(HttpServletRequest request) {
		Enumeration<String> values = request.getHeaders(this.header);
		if (values == null || !values.hasMoreElements()) {
			return null;
		}
		String key = values.nextElement();
		if (values.hasMoreElements()) {
			return null;
		}
		if (key.length() >= 2 && key.charAt(0) == '"' && key.charAt(key.length() - 1) == '"') {
			key = key.substring(1, key.length() - 1);
		}
		if (key.isEmpty() || key.length() > this.maxKeyLength) {
			return null;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				return null;
			}
		}
		return key;
	}

	static String echo(String text) {
		return (text.length() > MAX_ECHO) ? text.substring(0, MAX_ECHO) + "..." : text;
	}

	private void storeAnswered() {
		if (this.storeFailing.compareAndSet(true, false)) {
			logger.info("The idempotency store answers again");
		}
	}

	/**
	 * Log a store failure: the first of a run at WARN, without the driver's stack trace
	 * (at DEBUG), the others at DEBUG, so that an outage does not flood the log.
	 */
	private void storeFailed(String method, String uri, Throwable ex, String consequence) {
		String what = "The idempotency store failed for " + method + " " + echo(uri) + " (" + ex.getMessage() + "): "
				+ consequence;
		if (this.storeFailing.compareAndSet(false, true)) {
			logger.warn(what + "; further failures are logged at DEBUG until it answers again");
		}
		if (logger.isDebugEnabled()) {
			logger.debug(what, ex);
		}
	}

}
