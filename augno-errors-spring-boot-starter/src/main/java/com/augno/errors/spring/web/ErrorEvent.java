package com.augno.errors.spring.web;

import com.augno.errors.AugnoError;
import org.jspecify.annotations.Nullable;

/**
 * One answered error, as an {@link ErrorListener} sees it on either web stack: the same
 * facts whether Spring MVC or Spring WebFlux answered, so that a listener (metrics, an
 * audit) is written once.
 *
 * @param method the client's HTTP method (on the servlet stack also during the
 * container's error dispatch, which Tomcat makes a {@code GET})
 * @param path the path the client asked for, without its query
 * @param route the pattern of the handler mapping that matched (such as
 * {@code /orders/{id}}, or {@code /**} for the static resource handler that answers an
 * unknown URL), or {@code null} when no handler was matched (as for a failure in a
 * filter)
 * @param status the HTTP status answered, 499 for a client that went away
 * @param error the error, as written or, for a client that went away, as it would have
 * been
 * @param requestId the request id
 * @since 0.1.0
 */
public record ErrorEvent(String method, String path, @Nullable String route, int status, AugnoError error,
		String requestId) {

}
