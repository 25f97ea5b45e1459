package com.augno.errors.spring.quickstart;

// tag::test[]
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(ShippingTermController.class)
class ShippingTermControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void unknownShippingTermIsResourceNotFound() {
		assertThat(this.mvc.get().uri("/v1/shipping-terms/st_nope")).hasStatus(404)
			.hasContentType("application/json")
			.bodyJson()
			.isLenientlyEqualTo("""
					{"error": {
					  "code": "resource_not_found",
					  "type": "invalid_request_error",
					  "message": "Shipping term not found.",
					  "param": "id",
					  "doc_url": "https://docs.example.com/api/errors#resource_not_found",
					  "is_transient": false,
					  "quota": null
					}}""")
			.extractingPath("$.error.request_log_url")
			.asString()
			.startsWith("https://dashboard.example.com/request-logs/rq_");
	}

}
// end::test[]
