package com.augno.errors.spring.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorType;
import com.augno.errors.spring.mapping.ClassNames;
import com.augno.errors.spring.mapping.ErrorResponseMapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.logging.LogLevel;
import org.springframework.util.Assert;

/**
 * Logs each rendered error once, at the level configured for its type: one line for a
 * client error, the cause's stack trace for a server error (5xx), one quiet line for a
 * client that went away, one line at its own level for a request timeout (408), for a
 * client error answered for a failure of the application's own data access and for one
 * Spring Security reports as a possible attack. The line names status, code, method, path
 * and request id (the client's method and path, also during the container's error
 * dispatch); the body the client receives never contains what is logged here.
 * <p>
 * Under a crash storm, the same bug failing thousands of times a second, printing every
 * stack trace would dominate the cost of a 500. So a server error's stack trace is logged
 * the first time a distinct failure occurs within the stack trace interval; each repeat
 * within the interval is still logged, at the same level, as one line that names the
 * exception, the repeat count and where the stack trace is, so that every request id
 * stays findable. The first occurrence after the interval logs the stack trace again. An
 * interval of zero logs every stack trace.
 * <p>
 * A distinct failure is the class names along the cause chain (at most 16 causes,
 * stopping at a cycle) plus the first stack frame (class, method, line) outside the JDK
 * of the deepest of those causes, if it has one, and, when that frame is a library's, the
 * first frame in the application's packages, where the application called the library: a
 * page request rejected by Spring Data in two controllers is two failures. Messages are
 * left out because they vary per request and may come from the client; the price is that
 * two bugs that fail at the same frames, such as two wrong arguments that one line passes
 * to a library, count as one. At most 1,000 failures are tracked; when the table is full,
 * those whose interval has passed are dropped, or else all are forgotten and log their
 * stack trace again.
 * <p>
 * A stack trace whose messages hold a line break or another control character is logged
 * through a stand-in that puts each message on one line, since a text log prints them raw
 * at the head of the trace; a log whose encoder escapes them (JSON) can be given the
 * original, so that it records the failure's own class.
 *
 * @since 0.1.0
 */
public class ErrorLogger {

	private static final Log logger = LogFactory.getLog("com.augno.errors");

	private static final int MAX_DETAIL_LENGTH = 500;

	private static final String REQUEST_TIMEOUT = ErrorCodes.REQUEST_TIMEOUT.code();

	// What Spring Security reports as a possible attack: a remember-me cookie used again
	// after it was replaced, which without the starter was a 500 logged at ERROR.
	private static final Set<String> SECURITY_ALERTS = Set
		.of("org.springframework.security.web.authentication.rememberme.CookieTheftException");

	private static final Set<String> DATA_ACCESS_FAILURES = Set.of("org.springframework.dao.DataAccessException",
			"org.springframework.transaction.TransactionException", "jakarta.persistence.PersistenceException",
			"org.hibernate.HibernateException");

	// Whether a class is one of them, worked out once per class rather than by walking
	// its hierarchy and comparing names on every 4xx.
	private static final ClassValue<Boolean> DATA_ACCESS_FAILURE_TYPES = new ClassValue<>() {

		@Override
		protected Boolean computeValue(Class<?> type) {
			return ClassNames.isAny(type, DATA_ACCESS_FAILURES);
		}

	};

	private final LogLevel invalidRequestError;

	private final LogLevel idempotencyError;

	private final LogLevel apiError;

	private final LogLevel clientClosedRequest;

	private final LogLevel requestTimeout;

	private final LogLevel dataAccessClientError;

	private final LogLevel securityAlert;

	private final @Nullable RepeatedFailures repeatedFailures;

	private final boolean sanitizeExceptionMessages;

	/**
	 * Create a logger.
	 * @param invalidRequestError the level of invalid_request_error responses
	 * @param idempotencyError the level of idempotency_error responses
	 * @param apiError the level of api_error responses
	 * @param clientClosedRequest the level of client disconnects
	 * @param stackTraceInterval how long after the stack trace of a server error the same
	 * failure is logged without it; zero to log every stack trace, never negative
	 */
	public ErrorLogger(LogLevel invalidRequestError, LogLevel idempotencyError, LogLevel apiError,
			LogLevel clientClosedRequest, Duration stackTraceInterval) {
		this(invalidRequestError, idempotencyError, apiError, clientClosedRequest, LogLevel.WARN, stackTraceInterval);
	}

	/**
	 * Create a logger.
	 * @param invalidRequestError the level of invalid_request_error responses
	 * @param idempotencyError the level of idempotency_error responses
	 * @param apiError the level of api_error responses
	 * @param clientClosedRequest the level of client disconnects
	 * @param requestTimeout the level of request_timeout responses (408), an api_error
	 * that is neither a crash nor the client's fault
	 * @param stackTraceInterval how long after the stack trace of a server error the same
	 * failure is logged without it; zero to log every stack trace, never negative
	 */
	public ErrorLogger(LogLevel invalidRequestError, LogLevel idempotencyError, LogLevel apiError,
			LogLevel clientClosedRequest, LogLevel requestTimeout, Duration stackTraceInterval) {
		this(invalidRequestError, idempotencyError, apiError, clientClosedRequest, requestTimeout, stackTraceInterval,
				List.of(), true);
	}

	/**
	 * Create a logger that tells failures apart by where the application's own code
	 * called the library that threw, and that may log multi-line messages as they are.
	 * @param invalidRequestError the level of invalid_request_error responses
	 * @param idempotencyError the level of idempotency_error responses
	 * @param apiError the level of api_error responses
	 * @param clientClosedRequest the level of client disconnects
	 * @param requestTimeout the level of request_timeout responses (408), an api_error
	 * that is neither a crash nor the client's fault
	 * @param stackTraceInterval how long after the stack trace of a server error the same
	 * failure is logged without it; zero to log every stack trace, never negative
	 * @param applicationPackages the packages of the application's own code, such as
	 * Spring Boot's auto-configuration packages; empty to tell failures apart by the
	 * first frame outside the JDK only
	 * @param sanitizeExceptionMessages whether a stack trace whose messages hold a line
	 * break or another control character is logged through a stand-in with each message
	 * on one line; {@code false} when every log output escapes them itself (JSON), so
	 * that it records the original failure
	 */
	public ErrorLogger(LogLevel invalidRequestError, LogLevel idempotencyError, LogLevel apiError,
			LogLevel clientClosedRequest, LogLevel requestTimeout, Duration stackTraceInterval,
			Collection<String> applicationPackages, boolean sanitizeExceptionMessages) {
		this(invalidRequestError, idempotencyError, apiError, clientClosedRequest, requestTimeout, LogLevel.WARN,
				LogLevel.WARN, stackTraceInterval, applicationPackages, sanitizeExceptionMessages, Clock.systemUTC());
	}

	/**
	 * Create a logger as
	 * {@link #ErrorLogger(LogLevel, LogLevel, LogLevel, LogLevel, LogLevel, Duration, Collection, boolean)}
	 * does, with the levels of a client error answered for a failure of the application's
	 * own data access and for a possible attack.
	 * @param invalidRequestError the level of invalid_request_error responses
	 * @param idempotencyError the level of idempotency_error responses
	 * @param apiError the level of api_error responses
	 * @param clientClosedRequest the level of client disconnects
	 * @param requestTimeout the level of request_timeout responses (408)
	 * @param dataAccessClientError the level of a client error (4xx) answered for a
	 * failure of the application's own data access (a unique violation, a deadlock),
	 * whatever its type's level
	 * @param securityAlert the level of a client error answered for a failure Spring
	 * Security reports as a possible attack (a stolen remember-me cookie), whatever its
	 * type's level
	 * @param stackTraceInterval how long after the stack trace of a server error the same
	 * failure is logged without it; zero to log every stack trace, never negative
	 * @param applicationPackages the packages of the application's own code
	 * @param sanitizeExceptionMessages whether multi-line messages are logged through a
	 * stand-in
	 */
	public ErrorLogger(LogLevel invalidRequestError, LogLevel idempotencyError, LogLevel apiError,
			LogLevel clientClosedRequest, LogLevel requestTimeout, LogLevel dataAccessClientError,
			LogLevel securityAlert, Duration stackTraceInterval, Collection<String> applicationPackages,
			boolean sanitizeExceptionMessages) {
		this(invalidRequestError, idempotencyError, apiError, clientClosedRequest, requestTimeout,
				dataAccessClientError, securityAlert, stackTraceInterval, applicationPackages,
				sanitizeExceptionMessages, Clock.systemUTC());
	}

	/**
	 * Create a logger that reads the time from a clock, so that tests need not wait for
	 * an interval to pass.
	 */
	ErrorLogger(LogLevel invalidRequestError, LogLevel idempotencyError, LogLevel apiError,
			LogLevel clientClosedRequest, Duration stackTraceInterval, Clock clock) {
		this(invalidRequestError, idempotencyError, apiError, clientClosedRequest, LogLevel.WARN, LogLevel.WARN,
				LogLevel.WARN, stackTraceInterval, List.of(), true, clock);
	}

	private ErrorLogger(LogLevel invalidRequestError, LogLevel idempotencyError, LogLevel apiError,
			LogLevel clientClosedRequest, LogLevel requestTimeout, LogLevel dataAccessClientError,
			LogLevel securityAlert, Duration stackTraceInterval, Collection<String> applicationPackages,
			boolean sanitizeExceptionMessages, Clock clock) {
		Assert.isTrue(!stackTraceInterval.isNegative(), "stackTraceInterval must not be negative");
		this.invalidRequestError = invalidRequestError;
		this.idempotencyError = idempotencyError;
		this.apiError = apiError;
		this.clientClosedRequest = clientClosedRequest;
		this.requestTimeout = requestTimeout;
		this.dataAccessClientError = dataAccessClientError;
		this.securityAlert = securityAlert;
		this.repeatedFailures = stackTraceInterval.isZero() ? null
				: new RepeatedFailures(stackTraceInterval, clock, applicationPackages);
		this.sanitizeExceptionMessages = sanitizeExceptionMessages;
	}

	/**
	 * Log a rendered error of a request of any stack.
	 * @param method the client's method
	 * @param uri the client's path
	 * @param requestId the request's id, or {@code null}
	 * @param status the HTTP status
	 * @param error the error written
	 * @param cause the failure, or {@code null}
	 */
	public void log(@Nullable String method, @Nullable String uri, @Nullable String requestId, int status,
			AugnoError error, @Nullable Throwable cause) {
		log(method, uri, requestId, status, error, cause, 0);
	}

	/**
	 * Log a rendered error of a request of any stack, which found the response committed
	 * when it was non-zero: the client got that status and a body cut short, not the
	 * error's, and the line says so.
	 * @param method the client's method
	 * @param uri the client's path
	 * @param requestId the request's id, or {@code null}
	 * @param status the HTTP status of the error
	 * @param error the error
	 * @param cause the failure, or {@code null}
	 * @param committedStatus the status the client already got, or {@code 0} when the
	 * response was not committed
	 */
	public void log(@Nullable String method, @Nullable String uri, @Nullable String requestId, int status,
			AugnoError error, @Nullable Throwable cause, int committedStatus) {
		LogLevel level = REQUEST_TIMEOUT.equals(error.code()) ? this.requestTimeout : levelOf(status, error, cause);
		if (!isEnabled(level)) {
			return;
		}
		StringBuilder line = describe(method, uri, status, error.code(), requestId);
		if (error.param() != null) {
			line.append(" param=").append(sanitize(error.param()));
		}
		if (committedStatus > 0) {
			line.append(" after the response was committed with ").append(committedStatus);
		}
		if (cause == null) {
			write(level, line.toString(), null);
		}
		else if (status < 500) {
			write(level, appendCause(line, cause).toString(), null);
		}
		else {
			logServerError(level, line, cause, requestId);
		}
	}

	private void logServerError(LogLevel level, StringBuilder line, Throwable cause, @Nullable String requestId) {
		RepeatedFailures.Occurrence occurrence = (this.repeatedFailures != null)
				? this.repeatedFailures.record(cause, requestId) : null;
		if (occurrence == null || occurrence.isFirst()) {
			if (occurrence != null && occurrence.previousRepeats() > 0) {
				line.append(" (")
					.append(repeats(occurrence.previousRepeats()))
					.append(" logged without stack trace since ")
					.append(timeOf(occurrence.previousSince()))
					.append(')');
			}
			// A text log prints each message raw at the head of the trace, so a line
			// break in one would forge log lines.
			write(level, line.toString(), this.sanitizeExceptionMessages ? SanitizedFailure.of(cause) : cause);
			return;
		}
		appendCause(line, cause).append(" (repeat ")
			.append(occurrence.repeat())
			.append(" since its stack trace was logged at ")
			.append(timeOf(occurrence.since()));
		if (occurrence.requestId() != null) {
			line.append(" with request_id=").append(sanitize(occurrence.requestId()));
		}
		write(level, line.append(')').toString(), null);
	}

	/**
	 * Log a client of a request of any stack that closed the connection before the
	 * response was written.
	 * @param method the client's method
	 * @param uri the client's path
	 * @param requestId the request's id, or {@code null}
	 * @param cause the failure that revealed it
	 */
	public void logClientClosed(@Nullable String method, @Nullable String uri, @Nullable String requestId,
			Throwable cause) {
		if (isEnabled(this.clientClosedRequest)) {
			StringBuilder line = describe(method, uri, 499, "client_closed_request", requestId);
			line.append(": ").append(sanitize(cause.getClass().getName()));
			write(this.clientClosedRequest, line.toString(), null);
		}
	}

	/**
	 * Whether a failure is one of the application's own data access, by its class names
	 * (neither spring-tx nor JPA is a dependency): Spring's data access and transaction
	 * exceptions, JPA's and Hibernate's, but not the application's subclass that chose
	 * its status with {@code @ResponseStatus}.
	 */
	private LogLevel levelOf(int status, AugnoError error, @Nullable Throwable cause) {
		if (status < 500 && cause != null) {
			if (SECURITY_ALERTS.contains(cause.getClass().getName())) {
				return this.securityAlert;
			}
			if (isDataAccessFailure(cause)) {
				return this.dataAccessClientError;
			}
		}
		return levelOf(error.type());
	}

	private static boolean isDataAccessFailure(Throwable cause) {
		// Unless it is the application's own exception that chose its status
		// (@ResponseStatus): asked only here, off the path of every other 4xx.
		return DATA_ACCESS_FAILURE_TYPES.get(cause.getClass()) && ErrorResponseMapper.statusOf(cause) == -1;
	}

	private LogLevel levelOf(@Nullable ErrorType type) {
		if (type == null) {
			// Only an envelope read from a newer service has a type this version does not
			// know.
			return this.apiError;
		}
		return switch (type) {
			case INVALID_REQUEST_ERROR -> this.invalidRequestError;
			case IDEMPOTENCY_ERROR -> this.idempotencyError;
			case API_ERROR -> this.apiError;
		};
	}

	private static StringBuilder describe(@Nullable String method, @Nullable String uri, int status, String code,
			@Nullable String requestId) {
		StringBuilder line = new StringBuilder(128);
		line.append(status)
			.append(' ')
			.append(code)
			.append(" for ")
			.append(sanitize(method))
			.append(' ')
			.append(sanitize(uri));
		if (requestId != null) {
			line.append(" (request_id=").append(requestId).append(')');
		}
		return line;
	}

	private static StringBuilder appendCause(StringBuilder line, Throwable cause) {
		return line.append(": ").append(sanitize(cause.getClass().getName() + ": " + cause.getMessage()));
	}

	private static String repeats(long count) {
		return count + ((count == 1) ? " repeat" : " repeats");
	}

	private static String timeOf(long epochMillis) {
		return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/**
	 * Keep client-controlled text on one bounded line, so it cannot forge log entries.
	 */
	private static String sanitize(@Nullable String text) {
		if (text == null) {
			return "null";
		}
		String bounded = (text.length() > MAX_DETAIL_LENGTH) ? text.substring(0, MAX_DETAIL_LENGTH) + "..." : text;
		StringBuilder clean = new StringBuilder(bounded.length());
		for (int i = 0; i < bounded.length(); i++) {
			char c = bounded.charAt(i);
			clean.append(Character.isISOControl(c) ? '?' : c);
		}
		return clean.toString();
	}

	private static boolean isEnabled(LogLevel level) {
		return switch (level) {
			case TRACE -> logger.isTraceEnabled();
			case DEBUG -> logger.isDebugEnabled();
			case INFO -> logger.isInfoEnabled();
			case WARN -> logger.isWarnEnabled();
			case ERROR, FATAL -> logger.isErrorEnabled();
			case OFF -> false;
		};
	}

	private static void write(LogLevel level, String message, @Nullable Throwable cause) {
		switch (level) {
			case TRACE -> logger.trace(message, cause);
			case DEBUG -> logger.debug(message, cause);
			case INFO -> logger.info(message, cause);
			case WARN -> logger.warn(message, cause);
			case ERROR, FATAL -> logger.error(message, cause);
			case OFF -> {
			}
		}
	}

}
