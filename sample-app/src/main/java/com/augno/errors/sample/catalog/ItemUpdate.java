package com.augno.errors.sample.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH /v1/catalog/items/{id}}.
 *
 * @param name the new name
 * @param priceCents the new price in cents
 * @param version the version the client read; a stale one is a conflict
 */
public record ItemUpdate(@NotBlank @Size(max = 200) String name, @NotNull @PositiveOrZero Long priceCents,
		@NotNull Long version) {

}
