package com.augno.errors.sample.catalog;

/**
 * A catalog item.
 *
 * @param id the id, such as {@code item_1}
 * @param name the display name
 * @param priceCents the price in cents
 * @param version the version a client must send back to update it
 * @param deleted whether the item was deleted
 */
public record Item(String id, String name, long priceCents, long version, boolean deleted) {

	Item withChanges(String name, long priceCents) {
		return new Item(this.id, name, priceCents, this.version + 1, false);
	}

	Item asDeleted() {
		return new Item(this.id, this.name, this.priceCents, this.version + 1, true);
	}

}
