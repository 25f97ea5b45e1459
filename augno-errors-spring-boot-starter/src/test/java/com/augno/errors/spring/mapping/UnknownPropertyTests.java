package com.augno.errors.spring.mapping;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.mapping.ErrorResponses.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestBodyExceptionMapper} when the application's mapper fails on
 * unknown properties.
 */
@WebMvcTest(controllers = UnknownPropertyTests.StrictController.class,
		properties = "spring.jackson.deserialization.fail-on-unknown-properties=true")
class UnknownPropertyTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void mapsAnUnknownTopLevelFieldToValidationFailed() {
		assertBadRequest(post("{\"name\":\"Ann\",\"colour\":\"red\"}"), "validation_failed", "Unknown field: colour.",
				"colour");
	}

	@Test
	void namesAnUnknownNestedFieldByItsPath() {
		assertBadRequest(post("{\"name\":\"Ann\",\"address\":{\"city\":\"X\",\"zip\":\"1\"}}"), "validation_failed",
				"Unknown field: address.zip.", "address.zip");
	}

	@Test
	void namesAnUnknownFieldOfAListElementByItsZeroBasedIndex() {
		assertBadRequest(post("{\"name\":\"Ann\",\"lines\":[{\"sku\":\"A\"},{\"sku\":\"B\",\"qty\":2}]}"),
				"validation_failed", "Unknown field: lines[1].qty.", "lines[1].qty");
	}

	@Test
	void acceptsAKnownBody() {
		MvcTestResult result = post("{\"name\":\"Ann\",\"address\":{\"city\":\"X\"},\"lines\":[{\"sku\":\"A\"}]}");
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
	}

	private MvcTestResult post(String json) {
		return this.mvc.post().uri("/customers").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@Import(StrictController.class)
	static class TestApplication {

	}

	@RestController
	static class StrictController {

		@PostMapping("/customers")
		String create(@RequestBody Customer customer) {
			return "ok";
		}

	}

	record Customer(String name, Address address, List<Line> lines) {
	}

	record Address(String city) {
	}

	record Line(String sku) {
	}

}
