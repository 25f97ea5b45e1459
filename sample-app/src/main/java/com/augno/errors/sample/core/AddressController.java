package com.augno.errors.sample.core;

import java.util.Map;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;
import com.augno.errors.sample.platform.PlatformErrors;
import com.augno.errors.spring.web.PossibleErrors;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Address details: the id is part of the path, and a request without it is
 * parameter_missing, as the Augno reference shows.
 */
@RestController
@PlatformErrors
class AddressController {

	@GetMapping("/v1/core/addresses/details")
	@PossibleErrors("parameter_missing")
	Map<String, String> missingId() {
		throw AugnoException.of(ErrorCodes.PARAMETER_MISSING).message("Address detail ID is required.").param("id");
	}

	@GetMapping("/v1/core/addresses/details/{id}")
	Map<String, String> details(@PathVariable String id) {
		if (!id.startsWith("addr_")) {
			throw AugnoException.of(ErrorCodes.RESOURCE_NOT_FOUND).message("No address found with that ID.");
		}
		return Map.of("id", id, "line1", "1 Augno Way", "postal_code", "94107");
	}

}
