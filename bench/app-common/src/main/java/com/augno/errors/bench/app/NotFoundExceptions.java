package com.augno.errors.bench.app;

/**
 * How an app signals a missing item: the one part of the controller that depends on the
 * error handling measured. Each benchmark app provides one bean, written as a user of its
 * error handling would write it.
 */
@FunctionalInterface
public interface NotFoundExceptions {

	/**
	 * The exception to throw for an item that does not exist.
	 * @param id the id asked for
	 * @return the exception, answered with a 404
	 */
	RuntimeException itemNotFound(String id);

}
