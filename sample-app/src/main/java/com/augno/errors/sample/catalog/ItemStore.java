package com.augno.errors.sample.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;

import org.springframework.stereotype.Component;

/**
 * The in-memory catalog, seeded with a few items; {@code item_404} never exists and
 * {@code item_gone} is deleted.
 */
@Component
public class ItemStore {

	private final ConcurrentMap<String, Item> items = new ConcurrentHashMap<>();

	ItemStore() {
		for (int i = 1; i <= 30; i++) {
			this.items.put("item_" + i, new Item("item_" + i, "Item " + i, 100L * i, 1, false));
		}
		this.items.put("item_gone", new Item("item_gone", "Retired item", 900, 2, true));
	}

	List<Item> list() {
		return this.items.values()
			.stream()
			.filter((item) -> !item.deleted())
			.sorted(Comparator.comparingInt((Item item) -> Integer.parseInt(item.id().substring(5))))
			.toList();
	}

	Item get(String id) {
		Item item = this.items.get(id);
		if (item == null) {
			throw AugnoException.of(ErrorCodes.RESOURCE_NOT_FOUND).message("No item found with that ID.");
		}
		return item;
	}

	Item update(String id, ItemUpdate update) {
		synchronized (this.items) {
			Item item = live(id);
			if (item.version() != update.version()) {
				throw AugnoException.of(ErrorCodes.RESOURCE_CONFLICT)
					.message("The item was changed by another request. Fetch it again and retry.");
			}
			Item changed = item.withChanges(update.name(), update.priceCents());
			this.items.put(id, changed);
			return changed;
		}
	}

	void delete(String id) {
		synchronized (this.items) {
			this.items.put(id, live(id).asDeleted());
		}
	}

	private Item live(String id) {
		Item item = get(id);
		if (item.deleted()) {
			throw AugnoException.of(ErrorCodes.RESOURCE_GONE)
				.message("This product has already been deleted and can no longer be modified.");
		}
		return item;
	}

}
