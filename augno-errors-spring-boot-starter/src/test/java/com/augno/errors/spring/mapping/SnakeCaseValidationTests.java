package com.augno.errors.spring.mapping;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
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

/**
 * Tests that body fields are named as the client wrote them when the application's mapper
 * uses a naming strategy.
 */
@WebMvcTest(controllers = SnakeCaseValidationTests.SnakeCaseController.class,
		properties = "spring.jackson.property-naming-strategy=SNAKE_CASE")
class SnakeCaseValidationTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void namesAMissingFieldInSnakeCase() {
		assertBadRequest(post("{\"email_address\":\"ann@example.com\",\"address\":{\"postal_code\":\"1234\"}}"),
				"missing_field", "First name is required.", "first_name");
	}

	@Test
	void namesAFormatViolationInSnakeCase() {
		assertBadRequest(post("{\"first_name\":\"Ann\",\"email_address\":\"nope\"}"), "invalid_format",
				"Email address must be a valid email address.", "email_address");
	}

	@Test
	void namesANestedFieldInSnakeCase() {
		assertBadRequest(post("{\"first_name\":\"Ann\",\"email_address\":\"ann@example.com\",\"address\":{}}"),
				"missing_field", "Postal code is required.", "address.postal_code");
	}

	@Test
	void namesAListElementFieldInSnakeCase() {
		assertBadRequest(
				post("{\"first_name\":\"Ann\",\"email_address\":\"ann@example.com\","
						+ "\"order_lines\":[{\"unit_price\":1},{\"unit_price\":0}]}"),
				"validation_failed", "Unit price must be greater than zero.", "order_lines[1].unit_price");
	}

	@Test
	void keepsAnExplicitJsonPropertyName() {
		assertBadRequest(post("{\"first_name\":\"Ann\",\"email_address\":\"ann@example.com\"," + "\"vatId\":\" \"}"),
				"invalid_format", "VAT ID has an invalid format.", "vatId");
	}

	@Test
	void namesAMistypedFieldInSnakeCase() {
		assertBadRequest(post("{\"first_name\":\"Ann\",\"order_lines\":[{\"unit_price\":\"cheap\"}]}"),
				"invalid_format", "Unit price must be an integer.", "order_lines[0].unit_price");
	}

	private MvcTestResult post(String json) {
		return this.mvc.post().uri("/customers").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@Import(SnakeCaseController.class)
	static class TestApplication {

	}

	@RestController
	static class SnakeCaseController {

		@PostMapping("/customers")
		String create(@Valid @RequestBody Customer customer) {
			return "ok";
		}

	}

	record Customer(@NotBlank String firstName, @NotNull @Email String emailAddress, @Valid Address address,
			List<@Valid OrderLine> orderLines, @JsonProperty("vatId") @Pattern(regexp = "[A-Z0-9]+") String vatNumber) {
	}

	record Address(@NotBlank String postalCode) {
	}

	record OrderLine(@Positive int unitPrice) {
	}

}
