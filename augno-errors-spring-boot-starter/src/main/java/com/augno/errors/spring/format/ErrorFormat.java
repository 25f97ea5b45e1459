package com.augno.errors.spring.format;

import org.springframework.http.MediaType;

/**
 * Turns a failed request's error into what is written to the client: a body, its content
 * type and the headers that go with it. Every path that answers a failure (the controller
 * advice, the error controller, the security handlers, the container's error handlers)
 * goes through the format chosen for the request, so a service that speaks another error
 * contract declares one bean of this type and names it in {@code augno.errors.format}.
 * <p>
 * A format is called once per error response, on the request's thread; it must not throw
 * for any error it is given, and it should keep its serializer to itself so that the
 * application's Jackson settings cannot change its wire format.
 *
 * @since 0.1.0
 */
public interface ErrorFormat {

	/**
	 * The name of the Augno envelope, the default format.
	 */
	String AUGNO = "augno";

	/**
	 * The name of RFC 9457 problem details.
	 */
	String PROBLEM = "problem";

	/**
	 * Return the name by which {@code augno.errors.format} chooses this format.
	 * @return the name, such as {@code augno} or {@code problem}
	 */
	String name();

	/**
	 * Return the media type this format produces: a request whose {@code Accept} header
	 * names it gets this format when {@code augno.errors.format-negotiation} is on.
	 * @return the media type, {@code application/json} unless overridden
	 */
	default MediaType mediaType() {
		return MediaType.APPLICATION_JSON;
	}

	/**
	 * Render an error.
	 * @param error everything known about the error, resolved for the request
	 * @return the body, content type and headers to write
	 */
	ErrorBody render(ResolvedError error);

}
