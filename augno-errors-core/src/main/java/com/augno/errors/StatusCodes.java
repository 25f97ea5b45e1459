package com.augno.errors;

import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;

/**
 * The nearest Augno code for an HTTP status, for failures that carry only a status (a
 * Spring {@code ResponseStatusException}, a container error, a downstream's answer), and
 * the status such an error is answered with. In the core so that the server and the test
 * kit, which checks what the server answered, apply one rule.
 *
 * @since 0.1.0
 */
public final class StatusCodes {

	/**
	 * The message of {@code invalid_credentials} for a request that carried no
	 * credentials at all, rather than the code's own, which says they are incorrect.
	 */
	public static final String NO_CREDENTIALS_MESSAGE = "No credentials were provided.";

	private StatusCodes() {
	}

	/**
	 * Return the code that stands for a status.
	 * @param status the HTTP status
	 * @return the nearest code: for instance 404 is {@code resource_not_found}, any other
	 * 4xx {@code validation_failed}, any other 5xx (or a non-error status)
	 * {@code internal_error}
	 */
	public static ErrorCode forStatus(int status) {
		ErrorCode own = ownCode(status);
		if (own != null) {
			return own;
		}
		return (status >= 400 && status < 500) ? ErrorCodes.VALIDATION_FAILED : ErrorCodes.INTERNAL_ERROR;
	}

	/**
	 * Return the status an error is answered with when the failure may carry a status of
	 * its own (a {@code ResponseStatusException}, an {@code ErrorResponse}, a
	 * {@code @ResponseStatus} exception, a {@code sendError}): that status, when no code
	 * stands for it (a 418, a 422, a 501) and the error's code is the one it falls back
	 * to, so that the envelope never turns a status the application chose into another;
	 * otherwise the code's own status.
	 * @param code the error's code, as mapped
	 * @param codeStatus the status of that code, as registered
	 * @param carried the status the failure carried, or {@code -1} for none; asked only
	 * for the two codes other statuses fall back to
	 * @return the status to answer with
	 */
	public static int answerStatus(ErrorCode code, int codeStatus, IntSupplier carried) {
		if (!code.code().equals(ErrorCodes.VALIDATION_FAILED.code())
				&& !code.code().equals(ErrorCodes.INTERNAL_ERROR.code())) {
			return codeStatus;
		}
		int status = carried.getAsInt();
		if (status < 400 || status > 599 || ownCode(status) != null) {
			return codeStatus;
		}
		return forStatus(status).code().equals(code.code()) ? status : codeStatus;
	}

	private static @Nullable ErrorCode ownCode(int status) {
		return switch (status) {
			case 400 -> ErrorCodes.VALIDATION_FAILED;
			case 401 -> ErrorCodes.INVALID_CREDENTIALS;
			case 402 -> ErrorCodes.PAYMENT_REQUIRED;
			case 403 -> ErrorCodes.INSUFFICIENT_PERMISSIONS;
			case 404 -> ErrorCodes.RESOURCE_NOT_FOUND;
			case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
			case 406 -> FrameworkCodes.NOT_ACCEPTABLE;
			case 408 -> ErrorCodes.REQUEST_TIMEOUT;
			case 409 -> ErrorCodes.RESOURCE_CONFLICT;
			case 410 -> ErrorCodes.RESOURCE_GONE;
			case 412 -> FrameworkCodes.PRECONDITION_FAILED;
			case 413 -> FrameworkCodes.REQUEST_TOO_LARGE;
			case 415 -> FrameworkCodes.UNSUPPORTED_MEDIA_TYPE;
			case 416 -> FrameworkCodes.RANGE_NOT_SATISFIABLE;
			case 429 -> ErrorCodes.RATE_LIMIT_EXCEEDED;
			case 499 -> ErrorCodes.CLIENT_CLOSED_REQUEST;
			case 502 -> ErrorCodes.EXTERNAL_SERVICE_ERROR;
			case 503 -> ErrorCodes.SERVICE_UNAVAILABLE;
			case 504 -> ErrorCodes.TIMEOUT;
			default -> null;
		};
	}

}
