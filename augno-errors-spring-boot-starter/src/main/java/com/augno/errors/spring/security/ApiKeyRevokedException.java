package com.augno.errors.spring.security;

import org.springframework.security.core.AuthenticationException;

/**
 * Thrown by an application's own authentication code when the presented API key has
 * expired; answered with {@code api_key_expired}.
 *
 * @since 0.1.0
 */
public class ApiKeyRevokedException extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the detail, for logs only: the client gets the code's message
	 */
	public ApiKeyRevokedException(String message) {
		super(message);
	}

}
