package com.augno.errors.spring.codes.misspelt;

import com.augno.errors.AugnoException;

/**
 * Passes misspelt codes, as a service might.
 */
public class ShippingTermController {

	public String find(String id) {
		throw AugnoException.of("shiping_term_not_found").message("Shipping term " + id + " not found.");
	}

	public String delete(String id) {
		throw AugnoException.of("resouce_not_found");
	}

}
