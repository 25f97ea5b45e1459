package com.augno.errors.spring.openapi;

/**
 * Decides who may call an operation, so that its document lists {@code 401} and
 * {@code 403} only when the service's security rules can really answer with them.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface OperationAccess {

	/**
	 * Return who may call an operation.
	 * @param method the HTTP method, such as {@code GET}
	 * @param path the path as the document writes it, with {@code {name}} placeholders
	 * @return the access the security rules grant
	 */
	Access of(String method, String path);

	/**
	 * Who may call an operation.
	 */
	enum Access {

		/**
		 * Anyone, without credentials: neither {@code 401} nor {@code 403}.
		 */
		PUBLIC,

		/**
		 * Any authenticated client: {@code 401} without valid credentials.
		 */
		AUTHENTICATED,

		/**
		 * Only clients with a particular authority: {@code 401}, and {@code 403} for an
		 * authenticated client without it.
		 */
		AUTHORIZED

	}

}
