package com.augno.errors.spring.mapping;

import com.augno.errors.ErrorCodes;

/**
 * The error for a URL nothing is mapped to, the same on both stacks: Spring MVC's
 * {@code NoHandlerFoundException} and {@code NoResourceFoundException}, the container's
 * own 404, and WebFlux's unmatched route all answer with this message.
 *
 * @since 0.1.0
 */
public final class UnrecognizedUrls {

	private UnrecognizedUrls() {
	}

	/**
	 * Return the error for a URL nothing is mapped to, naming method and path as the
	 * client sent them, each bounded.
	 * @param method the request method
	 * @param path the request path
	 * @return the error
	 */
	public static MappedError of(String method, String path) {
		return MappedError.of(ErrorCodes.RESOURCE_NOT_FOUND)
			.withMessage("Unrecognized request URL: " + Echoes.inMessage(method) + " " + Echoes.inMessage(path) + ".");
	}

}
