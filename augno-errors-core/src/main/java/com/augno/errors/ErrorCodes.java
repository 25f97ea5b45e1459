package com.augno.errors;

import java.util.List;

/**
 * The built-in codes of the Augno error contract, with the contract's HTTP status, type,
 * transience and a default message.
 * <p>
 * Default messages are the documentation's own example where it is generic, and a generic
 * sentence where the example names one resource (a thrower passes the specific one).
 *
 * @since 0.1.0
 */
public final class ErrorCodes {

	/**
	 * The access or refresh token has expired. HTTP 401.
	 */
	public static final ErrorCode EXPIRED_TOKEN = ErrorCode.of("expired_token", 401, ErrorType.INVALID_REQUEST_ERROR,
			false, "Your session has expired. Please sign in again.");

	/**
	 * The API key has passed its expiry date. HTTP 401.
	 */
	public static final ErrorCode API_KEY_EXPIRED = ErrorCode.of("api_key_expired", 401,
			ErrorType.INVALID_REQUEST_ERROR, false, "The API key has expired.");

	/**
	 * The API key has been revoked. HTTP 401.
	 */
	public static final ErrorCode API_KEY_REVOKED = ErrorCode.of("api_key_revoked", 401,
			ErrorType.INVALID_REQUEST_ERROR, false, "The API key has been revoked.");

	/**
	 * The credentials are missing, malformed or wrong. HTTP 401.
	 */
	public static final ErrorCode INVALID_CREDENTIALS = ErrorCode.of("invalid_credentials", 401,
			ErrorType.INVALID_REQUEST_ERROR, false, "The provided credentials are incorrect.");

	/**
	 * The caller is authenticated but not allowed to do this. HTTP 403.
	 */
	public static final ErrorCode INSUFFICIENT_PERMISSIONS = ErrorCode.of("insufficient_permissions", 403,
			ErrorType.INVALID_REQUEST_ERROR, false, "You do not have permission to perform this action.");

	/**
	 * The account's subscription is past due. HTTP 402.
	 */
	public static final ErrorCode PAYMENT_REQUIRED = ErrorCode.of("payment_required", 402,
			ErrorType.INVALID_REQUEST_ERROR, false,
			"Your subscription is past due. Please update your payment method to continue.");

	/**
	 * A plan quota is used up; the error carries the {@link Quota}. HTTP 403.
	 */
	public static final ErrorCode LIMIT_EXCEEDED = ErrorCode.of("limit_exceeded", 403, ErrorType.INVALID_REQUEST_ERROR,
			false, "You have reached a limit of your plan.");

	/**
	 * Registration for the plan is closed. HTTP 403.
	 */
	public static final ErrorCode REGISTRATION_CLOSED = ErrorCode.of("registration_closed", 403,
			ErrorType.INVALID_REQUEST_ERROR, false, "Registration for this plan is currently closed.");

	/**
	 * The request body failed validation; also, with {@link ErrorType#IDEMPOTENCY_ERROR},
	 * an idempotency key reused with different parameters. HTTP 400.
	 */
	public static final ErrorCode VALIDATION_FAILED = ErrorCode.of("validation_failed", 400,
			ErrorType.INVALID_REQUEST_ERROR, false, "The request is not valid.");

	/**
	 * A required body field is absent or null. HTTP 400.
	 */
	public static final ErrorCode MISSING_FIELD = ErrorCode.of("missing_field", 400, ErrorType.INVALID_REQUEST_ERROR,
			false, "A required field is missing.");

	/**
	 * A body field has the wrong format or type. HTTP 400.
	 */
	public static final ErrorCode INVALID_FORMAT = ErrorCode.of("invalid_format", 400, ErrorType.INVALID_REQUEST_ERROR,
			false, "A field has an invalid format.");

	/**
	 * The HTTP method is not supported by the resource. HTTP 405.
	 */
	public static final ErrorCode METHOD_NOT_ALLOWED = ErrorCode.of("method_not_allowed", 405,
			ErrorType.INVALID_REQUEST_ERROR, false, "Method not allowed.");

	/**
	 * A required query or path parameter is absent. HTTP 400.
	 */
	public static final ErrorCode PARAMETER_MISSING = ErrorCode.of("parameter_missing", 400,
			ErrorType.INVALID_REQUEST_ERROR, false, "A required parameter is missing.");

	/**
	 * A query or path parameter has an invalid value. HTTP 400.
	 */
	public static final ErrorCode PARAMETER_INVALID = ErrorCode.of("parameter_invalid", 400,
			ErrorType.INVALID_REQUEST_ERROR, false, "A parameter has an invalid value.");

	/**
	 * A query parameter is not supported by the endpoint. HTTP 400.
	 */
	public static final ErrorCode PARAMETER_UNKNOWN = ErrorCode.of("parameter_unknown", 400,
			ErrorType.INVALID_REQUEST_ERROR, false, "The request contains an unknown parameter.");

	/**
	 * Parameters that exclude each other were given together. HTTP 400.
	 */
	public static final ErrorCode PARAMETERS_EXCLUSIVE = ErrorCode.of("parameters_exclusive", 400,
			ErrorType.INVALID_REQUEST_ERROR, false, "Some of the parameters cannot be used together.");

	/**
	 * The resource or route does not exist. HTTP 404.
	 */
	public static final ErrorCode RESOURCE_NOT_FOUND = ErrorCode.of("resource_not_found", 404,
			ErrorType.INVALID_REQUEST_ERROR, false, "The requested resource was not found.");

	/**
	 * A resource with the same identity already exists. HTTP 409.
	 */
	public static final ErrorCode RESOURCE_EXISTS = ErrorCode.of("resource_exists", 409,
			ErrorType.INVALID_REQUEST_ERROR, false, "The resource already exists.");

	/**
	 * The request conflicts with the resource's current state. HTTP 409.
	 */
	public static final ErrorCode RESOURCE_CONFLICT = ErrorCode.of("resource_conflict", 409,
			ErrorType.INVALID_REQUEST_ERROR, false, "The request conflicts with the current state of the resource.");

	/**
	 * The resource has been deleted. HTTP 410.
	 */
	public static final ErrorCode RESOURCE_GONE = ErrorCode.of("resource_gone", 410, ErrorType.INVALID_REQUEST_ERROR,
			false, "The resource has been deleted and can no longer be modified.");

	/**
	 * A request with the same idempotency key is still running. HTTP 409.
	 */
	public static final ErrorCode IDEMPOTENCY_IN_PROGRESS = ErrorCode.of("idempotency_in_progress", 409,
			ErrorType.IDEMPOTENCY_ERROR, true, "A request with this idempotency key is already being processed.");

	/**
	 * Too many requests; the client should honor {@code Retry-After}. HTTP 429.
	 */
	public static final ErrorCode RATE_LIMIT_EXCEEDED = ErrorCode.of("rate_limit_exceeded", 429,
			ErrorType.INVALID_REQUEST_ERROR, true, "Too many requests. Please wait before trying again.");

	/**
	 * The {@code Augno-Version} header is missing. HTTP 400.
	 */
	public static final ErrorCode API_VERSION_REQUIRED = ErrorCode.of("api_version_required", 400,
			ErrorType.INVALID_REQUEST_ERROR, false,
			"The Augno-Version header is required. Please include a valid API version.");

	/**
	 * The {@code Augno-Version} header names no supported version. HTTP 400.
	 */
	public static final ErrorCode API_VERSION_INVALID = ErrorCode.of("api_version_invalid", 400,
			ErrorType.INVALID_REQUEST_ERROR, false, "The requested API version is not valid.");

	/**
	 * The requested API version is older than the endpoint requires. HTTP 400.
	 */
	public static final ErrorCode API_VERSION_TOO_OLD = ErrorCode.of("api_version_too_old", 400,
			ErrorType.INVALID_REQUEST_ERROR, false, "The requested API version is too old for this endpoint.");

	/**
	 * An unexpected failure; its message is always generic. HTTP 500.
	 */
	public static final ErrorCode INTERNAL_ERROR = ErrorCode.of("internal_error", 500, ErrorType.API_ERROR, true,
			"Something went wrong.");

	/**
	 * The service, or a resource it needs, is temporarily unavailable. HTTP 503.
	 */
	public static final ErrorCode SERVICE_UNAVAILABLE = ErrorCode.of("service_unavailable", 503, ErrorType.API_ERROR,
			true, "The service is temporarily unavailable. Please try again later.");

	/**
	 * A downstream provider answered with an error. HTTP 502.
	 */
	public static final ErrorCode EXTERNAL_SERVICE_ERROR = ErrorCode.of("external_service_error", 502,
			ErrorType.API_ERROR, true, "A downstream provider returned an error.");

	/**
	 * An operation, such as a downstream call, timed out. HTTP 504.
	 */
	public static final ErrorCode TIMEOUT = ErrorCode.of("timeout", 504, ErrorType.API_ERROR, true,
			"The operation timed out.");

	/**
	 * A downstream service could not be reached. HTTP 502.
	 */
	public static final ErrorCode CONNECTION_ERROR = ErrorCode.of("connection_error", 502, ErrorType.API_ERROR, true,
			"Could not connect to a downstream service.");

	/**
	 * The request took longer than its deadline. HTTP 408.
	 */
	public static final ErrorCode REQUEST_TIMEOUT = ErrorCode.of("request_timeout", 408, ErrorType.API_ERROR, true,
			"Request timed out.");

	/**
	 * The client closed the connection before the response was written. HTTP 499.
	 */
	public static final ErrorCode CLIENT_CLOSED_REQUEST = ErrorCode.of("client_closed_request", 499,
			ErrorType.API_ERROR, false, "Client closed request.");

	private static final List<ErrorCode> CONTRACT = List.of(EXPIRED_TOKEN, API_KEY_EXPIRED, API_KEY_REVOKED,
			INVALID_CREDENTIALS, INSUFFICIENT_PERMISSIONS, PAYMENT_REQUIRED, LIMIT_EXCEEDED, REGISTRATION_CLOSED,
			VALIDATION_FAILED, MISSING_FIELD, INVALID_FORMAT, METHOD_NOT_ALLOWED, PARAMETER_MISSING, PARAMETER_INVALID,
			PARAMETER_UNKNOWN, PARAMETERS_EXCLUSIVE, RESOURCE_NOT_FOUND, RESOURCE_EXISTS, RESOURCE_CONFLICT,
			RESOURCE_GONE, IDEMPOTENCY_IN_PROGRESS, RATE_LIMIT_EXCEEDED, API_VERSION_REQUIRED, API_VERSION_INVALID,
			API_VERSION_TOO_OLD, INTERNAL_ERROR, SERVICE_UNAVAILABLE, EXTERNAL_SERVICE_ERROR, TIMEOUT, CONNECTION_ERROR,
			REQUEST_TIMEOUT, CLIENT_CLOSED_REQUEST);

	private ErrorCodes() {
	}

	/**
	 * Return the codes of the Augno contract, in the documentation's order.
	 * @return the built-in codes
	 */
	public static List<ErrorCode> contract() {
		return CONTRACT;
	}

}
