package com.augno.errors.bench.app;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Items (also under {@code /limited}, rate limited for the {@code rate_limited}
 * scenario): {@code GET /items/{id}} answers about 300 bytes of JSON, a 404 for
 * {@code it_missing} and a 500 for {@code it_crash}; {@code POST /items} validates its
 * body; {@code DELETE} is not supported (405).
 */
@RestController
@RequestMapping({ "/items", "/limited/items" })
class ItemController {

	static final String MISSING = "it_missing";

	static final String CRASH = "it_crash";

	private final NotFoundExceptions notFound;

	/**
	 * Create the controller.
	 * @param notFound the app's exception for a missing item
	 */
	ItemController(NotFoundExceptions notFound) {
		this.notFound = notFound;
	}

	@GetMapping("/{id}")
	Item get(@PathVariable String id) {
		if (MISSING.equals(id)) {
			throw this.notFound.itemNotFound(id);
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
