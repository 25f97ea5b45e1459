package com.augno.errors;

import java.util.List;
import java.util.Map;

/**
 * Codes the framework adds to the Augno contract for HTTP failures the contract does not
 * name. The starter registers them beside the built-in codes and documents them as
 * additions; {@link StatusCodes} answers their statuses with them.
 *
 * @since 0.1.0
 */
public final class FrameworkCodes {

	/**
	 * The client accepts no media type the endpoint can produce. HTTP 406; the envelope
	 * is still written as JSON.
	 */
	public static final ErrorCode NOT_ACCEPTABLE = ErrorCode.of("not_acceptable", 406, ErrorType.INVALID_REQUEST_ERROR,
			false, "The requested media type is not available for this resource.");

	/**
	 * A precondition of a conditional request ({@code If-Match},
	 * {@code If-Unmodified-Since}) does not hold: the resource changed since the client
	 * read it. HTTP 412, as Spring MVC and Spring Data REST answer it.
	 */
	public static final ErrorCode PRECONDITION_FAILED = ErrorCode.of("precondition_failed", 412,
			ErrorType.INVALID_REQUEST_ERROR, false, "The resource has changed since it was last read.");

	/**
	 * The request body or upload is larger than the service accepts. HTTP 413.
	 */
	public static final ErrorCode REQUEST_TOO_LARGE = ErrorCode.of("request_too_large", 413,
			ErrorType.INVALID_REQUEST_ERROR, false, "The request is too large.");

	/**
	 * The request body has a media type the endpoint does not read. HTTP 415.
	 */
	public static final ErrorCode UNSUPPORTED_MEDIA_TYPE = ErrorCode.of("unsupported_media_type", 415,
			ErrorType.INVALID_REQUEST_ERROR, false, "The request's content type is not supported.");

	/**
	 * The {@code Range} of the request lies outside the resource. HTTP 416, with the
	 * {@code Content-Range} the server set.
	 */
	public static final ErrorCode RANGE_NOT_SATISFIABLE = ErrorCode.of("range_not_satisfiable", 416,
			ErrorType.INVALID_REQUEST_ERROR, false, "The requested range is not satisfiable.");

	private static final List<ErrorCode> ALL = List.of(NOT_ACCEPTABLE, PRECONDITION_FAILED, REQUEST_TOO_LARGE,
			UNSUPPORTED_MEDIA_TYPE, RANGE_NOT_SATISFIABLE);

	private static final Map<String, ErrorDocumentation> DOCUMENTATION = ErrorDocumentationProperties
		.load(FrameworkCodes.class, "framework-documentation.properties");

	private FrameworkCodes() {
	}

	/**
	 * Return the reference documentation of the framework's additional codes.
	 * @return the documentation by wire code
	 */
	public static Map<String, ErrorDocumentation> documentation() {
		return DOCUMENTATION;
	}

	/**
	 * Return the framework's additional codes.
	 * @return the codes
	 */
	public static List<ErrorCode> all() {
		return ALL;
	}

}
