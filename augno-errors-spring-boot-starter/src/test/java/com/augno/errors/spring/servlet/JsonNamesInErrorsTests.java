package com.augno.errors.spring.servlet;

import com.augno.errors.test.AugnoErrors;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors name what the client writes in JSON: the JSON values of an enum, and the JSON
 * names of fields inside generic types.
 */
@WebMvcTest
class JsonNamesInErrorsTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void listsTheJsonPropertyNamesOfAnEnum() throws Exception {
		AugnoErrors.assertThat(post("/orders", "{\"status\":\"PENDING\",\"priority\":\"low\"}"))
			.isAugnoError("invalid_format")
			.hasMessage("Status must be one of: pending, in_transit.")
			.hasParam("status");
	}

	@Test
	void listsTheJsonValuesOfAnEnum() throws Exception {
		AugnoErrors.assertThat(post("/orders", "{\"status\":\"pending\",\"priority\":\"LOW\"}"))
			.isAugnoError("invalid_format")
			.hasMessage("Priority must be one of: low, high.")
			.hasParam("priority");
	}

	@Test
	void namesAFieldOfEachParameterizationOfAGenericTypeByItsOwnJsonName() throws Exception {
		// The first answer teaches the paths Wrapper<Item>; the second needs
		// Wrapper<Address>.
		AugnoErrors
			.assertThat(post("/shipments",
					"{\"item\":{\"content\":{\"sku_code\":\"\"}},\"address\":{\"content\":" + "{\"zip\":\"1000\"}}}"))
			.isAugnoError("validation_failed")
			.hasMessage("SKU code must not be blank.")
			.hasParam("item.content.sku_code");
		AugnoErrors
			.assertThat(post("/shipments",
					"{\"item\":{\"content\":{\"sku_code\":\"A1\"}},\"address\":{\"content\":" + "{\"zip\":\"\"}}}"))
			.isAugnoError("validation_failed")
			.hasMessage("Zip must not be blank.")
			.hasParam("address.content.zip");
	}

	@Test
	void namesAFieldOfAGenericRequestBodyByItsJsonName() throws Exception {
		AugnoErrors.assertThat(post("/addresses", "{\"content\":{\"zip\":\"\"}}"))
			.isAugnoError("validation_failed")
			.hasMessage("Zip must not be blank.")
			.hasParam("content.zip");
	}

	private MvcTestResult post(String uri, String body) {
		return this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	@SpringBootConfiguration
	@Import(Controller.class)
	static class Config {

	}

	@RestController
	static class Controller {

		@PostMapping("/orders")
		String order(@RequestBody Order order) {
			return "ok";
		}

		@PostMapping("/shipments")
		String ship(@Valid @RequestBody Shipment shipment) {
			return "ok";
		}

		@PostMapping("/addresses")
		String address(@Valid @RequestBody Wrapper<Address> address) {
			return "ok";
		}

	}

	enum Status {

		@JsonProperty("pending")
		PENDING, @JsonProperty("in_transit")
		IN_TRANSIT

	}

	enum Priority {

		LOW("low"), HIGH("high");

		private final String value;

		Priority(String value) {
			this.value = value;
		}

		@JsonValue
		String value() {
			return this.value;
		}

	}

	record Order(Status status, Priority priority) {
	}

	record Wrapper<T>(@Valid @NotNull T content) {
	}

	record Item(@NotBlank @JsonProperty("sku_code") String sku) {
	}

	record Address(@NotBlank @JsonProperty("zip") String postalCode) {
	}

	record Shipment(@Valid Wrapper<Item> item, @Valid Wrapper<Address> address) {
	}

}
