package com.augno.errors.samplewebflux.orders;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The body of a new order.
 *
 * @param customerEmail where the confirmation goes ({@code customer_email} on the wire)
 * @param lines what is ordered, at least one line
 */
public record OrderRequest(@NotBlank @Email @Nullable String customerEmail,
		@NotEmpty @Nullable List<@Valid Line> lines) {

	/**
	 * One line of an order.
	 *
	 * @param sku the article
	 * @param quantity how many, at least one
	 */
	public record Line(@NotBlank @Nullable String sku, @NotNull @Min(1) @Nullable Integer quantity) {

	}

}
