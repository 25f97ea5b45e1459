package com.augno.errors.spring.versioning;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The versioned mappings of an application, as {@link ApiVersionExceptionMapper} needs
 * them on either web stack: the versions they declare, and, for a 404, whether the path
 * exists in a newer version than the request asked for.
 *
 * @since 0.1.0
 */
public interface ApiVersionMappings {

	/**
	 * Return the distinct versions of the versioned mappings, oldest first.
	 * @return the versions, as declared without a trailing {@code +}
	 */
	List<String> versions();

	/**
	 * Find the version the endpoint of the current request requires, when a failure is
	 * the 404 Spring answers a request for a version older than the endpoint's lowest
	 * mapping.
	 * @param failure the failure
	 * @return the requirement, or {@code null} if the failure is not such a 404 or the
	 * stack cannot tell
	 */
	@Nullable Requirement findRequirement(Throwable failure);

	/**
	 * The version an endpoint requires, and the older one a request asked for.
	 *
	 * @param required the lowest version of the endpoint, as declared
	 * @param requested the version of the request, as sent
	 */
	record Requirement(String required, String requested) {
	}

}
