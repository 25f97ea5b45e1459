package com.augno.errors.spring.web;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.logging.LogLevel;

/**
 * Logs each rendered error once, at the level configured for its type: one line for a
 * client error, the cause's stack trace for a server error (5xx), one quiet line for a
 * client that went away. The line names status, code, method, path and request id; the
 * body the client receives never contains what is logged here.
 *
 * @since 0.1.0
 */
public class ErrorLogger {

	private static final Log logger = LogFactory.getLog("com.augno.errors");

	private static final int MAX_DETAIL_LENGTH = 500;

	private final LogLevel invalidRequestError;

	private final LogLevel idempotencyError;

	private final LogLevel apiError;

	private final LogLevel clientClosedRequest;

	/**
	 * Create a logger.
	 * @param invalidRequestError the level of invalid_request_error responses
	 * @param idempotencyError the level of idempotency_error responses
	 * @param apiError the level of api_error responses
	 * @param clientClosedRequest the level of client disconnects
	 */
	public ErrorLogger(LogLevel invalidRequestError, LogLevel idempotencyError, LogLevel apiError,
			LogLevel clientClosedRequest) {
		this.invalidRequestError = invalidRequestError;
		this.idempotencyError = idempotencyError;
		this.apiError = apiError;
		this.clientClosedRequest = clientClosedRequest;
	}

	/**
	 * Log a rendered error.
	 * @param request the request
	 * @param status the HTTP status
	 * @param error the error written
	 * @param cause the failure, or {@code null}
	 */
	public void log(HttpServletRequest request, int status, AugnoError error, @Nullable Throwable cause) {
		LogLevel level = levelOf(error.type());
		if (!isEnabled(level)) {
			return;
		}
		StringBuilder line = describe(request, status, error.code());
		if (error.param() != null) {
			line.append(" param=").append(sanitize(error.param()));
		}
		boolean serverError = status >= 500;
		if (cause != null && !serverError) {
			line.append(": ").append(sanitize(cause.getClass().getName() + ": " + cause.getMessage()));
		}
		write(level, line.toString(), serverError ? cause : null);
	}

	/**
	 * Log a client that closed the connection before the response was written.
	 * @param request the request
	 * @param cause the failure that revealed it
	 */
	public void logClientClosed(HttpServletRequest request, Throwable cause) {
		if (isEnabled(this.clientClosedRequest)) {
			StringBuilder line = describe(request, 499, "client_closed_request");
			line.append(": ").append(sanitize(cause.getClass().getName()));
			write(this.clientClosedRequest, line.toString(), null);
		}
	}

	private LogLevel levelOf(ErrorType type) {
		return switch (type) {
			case INVALID_REQUEST_ERROR -> this.invalidRequestError;
			case IDEMPOTENCY_ERROR -> this.idempotencyError;
			case API_ERROR -> this.apiError;
		};
	}

	private static StringBuilder describe(HttpServletRequest request, int status, String code) {
		StringBuilder line = new StringBuilder(128);
		line.append(status)
			.append(' ')
			.append(code)
			.append(" for ")
			.append(sanitize(request.getMethod()))
			.append(' ')
			.append(sanitize(originalUri(request)));
		String requestId = RequestIds.find(request);
		if (requestId != null) {
			line.append(" (request_id=").append(requestId).append(')');
		}
		return line;
	}

	/**
	 * The path the client asked for, also during the container's error dispatch to
	 * /error.
	 */
	private static String originalUri(HttpServletRequest request) {
		return (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) ? uri
				: request.getRequestURI();
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
