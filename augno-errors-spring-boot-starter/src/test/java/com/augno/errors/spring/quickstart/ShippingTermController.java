package com.augno.errors.spring.quickstart;

// tag::controller[]
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorType;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ShippingTermController {

	private final Map<String, String> terms = Map.of("st_net30", "Net 30");

	@GetMapping("/v1/shipping-terms/{id}")
	public String find(@PathVariable String id) {
		String term = this.terms.get(id);
		if (term == null) {
			throw AugnoException.of("resource_not_found").message("Shipping term not found.").param("id");
		}
		return term;
	}

	@DeleteMapping("/v1/shipping-terms/{id}")
	public void delete(@PathVariable String id) {
		// A code of the service's own, defined in application.properties.
		throw AugnoException.of("shipping_term_locked");
	}

	@PostMapping("/v1/sandboxes")
	public String createSandbox() {
		throw AugnoException.of(ErrorCodes.LIMIT_EXCEEDED)
			.message("You have reached the maximum number of sandbox accounts for your plan.")
			.quota(5, 5, null);
	}

	@PostMapping("/v1/payments")
	public String pay(@RequestHeader("Idempotency-Key") String key) {
		throw AugnoException.of("validation_failed")
			.type(ErrorType.IDEMPOTENCY_ERROR)
			.message("Idempotency key '" + key + "' was used with different request parameters; use a new key.");
	}

	@GetMapping("/v1/rates")
	public String rates() {
		throw AugnoException.of("rate_limit_exceeded").retryAfter(Duration.ofSeconds(30));
	}

	@GetMapping("/v1/carriers/{id}")
	public String carrier(@PathVariable String id) {
		try {
			return callCarrier(id);
		}
		catch (IOException cause) {
			throw AugnoException.of("external_service_error", cause); // the cause is
																		// logged, never
																		// shown
		}
	}

	private String callCarrier(String id) throws IOException {
		throw new IOException("Connection refused: carrier " + id);
	}

}
// end::controller[]
