package com.augno.errors.sample.catalog;

import java.util.List;

import com.augno.errors.sample.platform.PlatformErrors;
import com.augno.errors.spring.web.ExclusiveParameters;
import com.augno.errors.spring.web.PossibleErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog API: {@code limit=-25} is parameter_invalid, {@code cursor} with
 * {@code page} parameters_exclusive, {@code skip} parameter_unknown; an unknown id
 * resource_not_found, a deleted item resource_gone, a stale version resource_conflict,
 * {@code POST} on an item method_not_allowed.
 */
@RestController
@PlatformErrors
@RequestMapping("/v1/catalog/items")
class CatalogController {

	private final ItemStore store;

	CatalogController(ItemStore store) {
		this.store = store;
	}

	@GetMapping
	@ExclusiveParameters({ "cursor", "page" })
	ItemPage list(@RequestParam(defaultValue = "10") @Positive @Max(100) int limit,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Positive @Nullable Integer page,
			@RequestParam(required = false) @Nullable String search) {
		List<Item> matching = this.store.list()
			.stream()
			.filter((item) -> search == null || item.name().toLowerCase().contains(search.toLowerCase()))
			.toList();
		int start = (page != null) ? (page - 1) * limit : 0;
		if (cursor != null) {
			for (int i = 0; i < matching.size(); i++) {
				if (matching.get(i).id().equals(cursor)) {
					start = i + 1;
				}
			}
		}
		List<Item> data = matching.subList(Math.min(start, matching.size()), Math.min(start + limit, matching.size()));
		return new ItemPage(data, start + limit < matching.size());
	}

	@GetMapping("/{id}")
	Item get(@PathVariable String id) {
		return this.store.get(id);
	}

	@PatchMapping("/{id}")
	@PossibleErrors({ "resource_gone", "resource_conflict" })
	Item update(@PathVariable String id, @Valid @RequestBody ItemUpdate update) {
		return this.store.update(id, update);
	}

	@DeleteMapping("/{id}")
	@PossibleErrors("resource_gone")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.store.delete(id);
		return ResponseEntity.noContent().build();
	}

	record ItemPage(List<Item> data, boolean hasMore) {
	}

}
