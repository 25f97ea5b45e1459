package com.augno.errors.bench.app.wimdeblauwe;

import com.augno.errors.bench.app.NotFoundExceptions;

import org.springframework.stereotype.Component;

/**
 * A missing item as a user of wimdeblauwe's starter signals it: the application's own
 * {@link ItemNotFoundException}.
 */
@Component
class WimdeblauweNotFoundExceptions implements NotFoundExceptions {

	@Override
	public RuntimeException itemNotFound(String id) {
		return new ItemNotFoundException(id);
	}

}
