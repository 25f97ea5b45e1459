package com.augno.errors.bench.app.wimdeblauwe;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A missing item, as the library's documentation writes an application's not-found
 * exception: a plain {@link RuntimeException} with its status in {@link ResponseStatus}.
 * The library derives the code from the class name ({@code ITEM_NOT_FOUND}) and takes the
 * message as it is. Like any exception a user writes, it records its stack trace.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ItemNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ItemNotFoundException(String id) {
		super("No such item: '" + id + "'.");
	}

}
