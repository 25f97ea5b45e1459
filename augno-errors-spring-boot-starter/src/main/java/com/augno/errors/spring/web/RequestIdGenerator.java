package com.augno.errors.spring.web;

/**
 * Generates the id of a request that arrives without a trusted one. Declare a bean of
 * this type to replace the default {@code rq_} + 20 lowercase alphanumerics.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RequestIdGenerator {

	/**
	 * Generate a new request id; it must match {@code [A-Za-z0-9._-]{1,128}}.
	 * @return the id
	 */
	String generate();

}
