package com.augno.errors.bench.app;

import com.augno.errors.AugnoException;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Items: {@code GET /items/{id}} answers about 300 bytes of JSON, a 404 for
 * {@code it_missing} and a 500 for {@code it_crash}; {@code POST /items} validates its
 * body; {@code DELETE} is not supported (405).
 */
@RestController
@RequestMapping("/items")
class ItemController {

	static final String MISSING = "it_missing";

	static final String CRASH = "it_crash";

	private final boolean augnoErrors;

	/**
	 * Create the controller.
	 * @param augnoErrors whether the starter answers failures; without it the 404 is
	 * Spring's own {@link ResponseStatusException}, as a plain Boot app would throw it
	 */
	ItemController(@Value("${augno.errors.enabled:true}") boolean augnoErrors) {
		this.augnoErrors = augnoErrors;
	}

	@GetMapping("/{id}")
	Item get(@PathVariable String id) {
		if (MISSING.equals(id)) {
			if (this.augnoErrors) {
				throw AugnoException.of("resource_not_found").message("No such item: '" + id + "'.");
			}
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such item: '" + id + "'.");
		}
		if (CRASH.equals(id)) {
			throw new IllegalStateException("Simulated failure while loading item " + id);
		}
		return Item.sample(id);
	}

	@PostMapping
	Item create(@Valid @RequestBody ItemRequest request) {
		return Item.of("it_43", request);
	}

}
