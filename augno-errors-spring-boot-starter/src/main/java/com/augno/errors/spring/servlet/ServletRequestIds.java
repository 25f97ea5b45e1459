package com.augno.errors.spring.servlet;

import com.augno.errors.spring.web.RequestIds;
import jakarta.servlet.ServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The request id of a servlet request, kept in the {@link RequestIds#ATTRIBUTE} request
 * attribute by the {@link RequestIdFilter}.
 *
 * @since 0.1.0
 */
public final class ServletRequestIds {

	private ServletRequestIds() {
	}

	/**
	 * Return the id of a request.
	 * @param request the request
	 * @return the id, or {@code null} if none was assigned yet
	 */
	public static @Nullable String find(ServletRequest request) {
		return (request.getAttribute(RequestIds.ATTRIBUTE) instanceof String id) ? id : null;
	}

}
