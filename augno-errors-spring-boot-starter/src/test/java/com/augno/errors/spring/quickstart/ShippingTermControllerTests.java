package com.augno.errors.spring.quickstart;

// tag::test[]
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(ShippingTermController.class)
class ShippingTermControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void unknownShippingTermIsResourceNotFound() {
		AugnoErrors.assertThat(this.mvc.get().uri("/v1/shipping-terms/st_nope"))
			.isAugnoError("resource_not_found")
			.hasMessage("Shipping term not found.")
			.hasParam("id")
			.isNotTransient();
	}

}
// end::test[]
