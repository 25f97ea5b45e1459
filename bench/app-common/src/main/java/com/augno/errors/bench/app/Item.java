package com.augno.errors.bench.app;

import java.time.Instant;
import java.util.List;

/**
 * An item: about 300 bytes of JSON.
 *
 * @param id the id
 * @param object the object type
 * @param name the name
 * @param sku the stock keeping unit
 * @param description the description
 * @param priceCents the price in cents
 * @param currency the currency
 * @param quantity the quantity in stock
 * @param tags the tags
 * @param url the item's URL
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
record Item(String id, String object, String name, String sku, String description, long priceCents, String currency,
		int quantity, List<String> tags, String url, Instant createdAt, Instant updatedAt) {

	private static final Instant CREATED = Instant.parse("2025-06-01T12:00:00Z");

	private static final Instant UPDATED = Instant.parse("2025-06-02T08:30:00Z");

	private static final String DESCRIPTION = "A sturdy widget, made to be fetched again and again.";

	static Item sample(String id) {
		return new Item(id, "item", "Widget", "SKU-0001", DESCRIPTION, 1299, "usd", 42,
				List.of("hardware", "benchmark"), "/items/" + id, CREATED, UPDATED);
	}

	static Item of(String id, ItemRequest request) {
		return new Item(id, "item", request.name(), request.sku(),
				(request.description() != null) ? request.description() : DESCRIPTION, 1299, "usd", request.quantity(),
				List.of("hardware", "benchmark"), "/items/" + id, CREATED, UPDATED);
	}

}
