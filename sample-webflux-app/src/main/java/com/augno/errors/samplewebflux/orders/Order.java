package com.augno.errors.samplewebflux.orders;

import java.util.List;

/**
 * An order as the API returns it.
 *
 * @param id the order's id
 * @param customerEmail the customer's email address
 * @param lines what was ordered
 * @param status {@code open} or {@code cancelled}
 */
public record Order(long id, String customerEmail, List<OrderRequest.Line> lines, String status) {

	Order cancelled() {
		return new Order(this.id, this.customerEmail, this.lines, "cancelled");
	}

}
