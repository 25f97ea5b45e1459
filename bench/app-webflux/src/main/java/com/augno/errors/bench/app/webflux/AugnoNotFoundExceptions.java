package com.augno.errors.bench.app.webflux;

import com.augno.errors.AugnoException;
import com.augno.errors.bench.app.NotFoundExceptions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A missing item as the starter's user signals it, an {@link AugnoException}; with
 * {@code augno.errors.enabled=false}, Spring's own {@link ResponseStatusException}, as a
 * plain Boot WebFlux app would throw it. The same as {@code bench/app}'s, so that both
 * stacks throw the same; kept twice rather than given a module of its own for one class.
 */
@Component
class AugnoNotFoundExceptions implements NotFoundExceptions {

	private final boolean augnoErrors;

	/**
	 * Create the exceptions.
	 * @param augnoErrors whether the starter answers failures
	 */
	AugnoNotFoundExceptions(@Value("${augno.errors.enabled:true}") boolean augnoErrors) {
		this.augnoErrors = augnoErrors;
	}

	@Override
	public RuntimeException itemNotFound(String id) {
		if (this.augnoErrors) {
			return AugnoException.of("resource_not_found").message("No such item: '" + id + "'.");
		}
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such item: '" + id + "'.");
	}

}
