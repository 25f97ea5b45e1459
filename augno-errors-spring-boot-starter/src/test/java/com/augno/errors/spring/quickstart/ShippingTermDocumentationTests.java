package com.augno.errors.spring.quickstart;

import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@link FixedRequestIds}, as the README shows for documentation tests, every
 * response of a test carries the same request id, in its header and in its error body.
 */
@WebMvcTest(ShippingTermController.class)
@Import(FixedRequestIds.class)
class ShippingTermDocumentationTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void everyResponseCarriesTheFixedRequestId() {
		for (int i = 0; i < 2; i++) {
			assertThat(this.mvc.get().uri("/v1/shipping-terms/st_nope")).hasHeader("Request-Id", "rq_docs");
		}
		AugnoErrors.assertThat(this.mvc.get().uri("/v1/shipping-terms/st_nope"))
			.isAugnoError("resource_not_found")
			.hasRequestId("rq_docs");
	}

}
