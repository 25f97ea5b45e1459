package com.augno.errors.bench.app;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /items}.
 *
 * @param name the name
 * @param sku the stock keeping unit
 * @param quantity the quantity
 * @param description the description
 */
record ItemRequest(@NotBlank @Size(max = 80) String name, @NotBlank @Pattern(regexp = "SKU-[0-9]{4}") String sku,
		@Min(1) int quantity, @Nullable @Size(max = 200) String description) {

}
