package com.augno.errors.spring.mapping;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.mapping.ErrorResponses.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestBodyExceptionMapper}: bodies Jackson cannot read.
 */
@WebMvcTest(controllers = RequestBodyExceptionMapperTests.BodyController.class,
		properties = "spring.jackson.factory.constraints.read.max-nesting-depth=8")
class RequestBodyExceptionMapperTests {

	@Autowired
	private MockMvcTester mvc;

	// --- validation_failed, no param

	@Test
	void mapsMalformedJsonToValidationFailed() {
		MvcTestResult result = post("{\"name\":\"Ann\",");
		assertThat(result.getMvcResult().getResolvedException()).isInstanceOf(HttpMessageNotReadableException.class);
		assertBadRequest(result, "validation_failed", "The request body is not valid JSON.", null);
	}

	@Test
	void mapsABadTokenToValidationFailed() {
		assertBadRequest(post("{'name':'Ann'}"), "validation_failed", "The request body is not valid JSON.", null);
	}

	@Test
	void mapsTrailingGarbageToValidationFailed() {
		assertBadRequest(post("{\"name\":\"Ann\"} x"), "validation_failed", "The request body is not valid JSON.",
				null);
	}

	@Test
	void mapsAMissingBodyToValidationFailed() {
		MvcTestResult result = this.mvc.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).exchange();
		assertBadRequest(result, "validation_failed", "The request body is required.", null);
	}

	@Test
	void aBodyNoConverterCouldReadIsNotCalledMissing() {
		HttpMessageNotReadableException unreadable = new HttpMessageNotReadableException(
				"No suitable HttpMessageConverter found to read request body into object of type class Person from request with content type of text/plain",
				new MockHttpInputMessage("x".getBytes(StandardCharsets.UTF_8)));
		assertThat(new RequestBodyExceptionMapper().map(unreadable)).satisfies((mapped) -> {
			assertThat(mapped.code().code()).isEqualTo("validation_failed");
			assertThat(mapped.message()).isEqualTo("The request body could not be read.");
		});
	}

	@Test
	void mapsAnEmptyBodyToValidationFailed() {
		assertBadRequest(post(""), "validation_failed", "The request body is required.", null);
	}

	@Test
	void mapsAWrongTopLevelShapeToValidationFailed() {
		assertBadRequest(post("[1,2]"), "validation_failed", "The request body does not have the expected structure.",
				null);
	}

	@Test
	void mapsTooDeepNestingToValidationFailed() {
		String deep = "{\"tags\":{\"a\":" + "[".repeat(20) + "]".repeat(20) + "}}";
		assertBadRequest(post(deep), "validation_failed",
				"The request body exceeds the parser's size or nesting limits.", null);
	}

	@Test
	void mapsAnOverlongNumberToValidationFailed() {
		assertBadRequest(post("{\"quantity\":" + "9".repeat(2000) + "}"), "validation_failed",
				"The request body exceeds the parser's size or nesting limits.", null);
	}

	@Test
	void namesTheFieldWhereNestedJsonIsMalformed() {
		assertBadRequest(post("{\"name\":\"Ann\",\"lines\":[{\"sku\":\"A\",\"qty\":1},{\"sku\":\"B\",\"qty\":tru}]}"),
				"validation_failed", "The request body is not valid JSON.", "lines[1]");
	}

	// --- invalid_format, JSON path

	@Test
	void mapsAWordForAnIntegerToInvalidFormat() {
		assertBadRequest(post("{\"name\":\"Ann\",\"quantity\":\"many\"}"), "invalid_format",
				"Quantity must be an integer.", "quantity");
	}

	@Test
	void mapsAnObjectForAnIntegerToInvalidFormat() {
		assertBadRequest(post("{\"name\":\"Ann\",\"quantity\":{}}"), "invalid_format", "Quantity must be an integer.",
				"quantity");
	}

	@Test
	void mapsAListForAStringToInvalidFormat() {
		assertBadRequest(post("{\"name\":[\"Ann\"]}"), "invalid_format", "Name has an invalid format.", "name");
	}

	@Test
	void mapsABadEnumValueToInvalidFormat() {
		assertBadRequest(post("{\"name\":\"Ann\",\"priority\":\"URGENT\"}"), "invalid_format",
				"Priority must be one of: LOW, NORMAL, HIGH.", "priority");
	}

	@Test
	void mapsABadDateToInvalidFormat() {
		assertBadRequest(post("{\"name\":\"Ann\",\"deliver_on\":\"next tuesday\"}"), "invalid_format",
				"Deliver on must be a date (YYYY-MM-DD).", "deliver_on");
	}

	@Test
	void mapsAnImpossibleDateToInvalidFormat() {
		assertBadRequest(post("{\"name\":\"Ann\",\"deliver_on\":\"2024-02-30\"}"), "invalid_format",
				"Deliver on must be a date (YYYY-MM-DD).", "deliver_on");
	}

	@Test
	void mapsABadBooleanToInvalidFormat() {
		assertBadRequest(post("{\"name\":\"Ann\",\"gift\":\"perhaps\"}"), "invalid_format",
				"Gift must be true or false.", "gift");
	}

	@Test
	void namesAMistypedFieldOfAListElementByItsZeroBasedIndex() {
		assertBadRequest(
				post("{\"name\":\"Ann\",\"lines\":[{\"sku\":\"A\",\"qty\":1},{\"sku\":\"B\",\"qty\":\"two\"}]}"),
				"invalid_format", "Qty must be an integer.", "lines[1].qty");
	}

	@Test
	void namesAMistypedListElement() {
		assertBadRequest(post("{\"name\":\"Ann\",\"codes\":[1,\"x\"]}"), "invalid_format", "Codes must be an integer.",
				"codes[1]");
	}

	@Test
	void mapsNullForAPrimitiveToMissingField() {
		assertBadRequest(post("{\"name\":\"Ann\",\"lines\":[{\"sku\":\"A\",\"qty\":null}]}"), "missing_field",
				"Qty is required.", "lines[0].qty");
	}

	@Test
	void mapsAnAbsentPrimitiveOfARecordToMissingField() {
		// Jackson 3 fails on null for primitives, and an absent record component is null.
		assertBadRequest(post("{\"name\":\"Ann\",\"lines\":[{\"sku\":\"A\",\"qty\":1},{\"sku\":\"B\"}]}"),
				"missing_field", "Qty is required.", "lines[1].qty");
	}

	@Test
	void mapsAValueItsConstructorRejectsToValidationFailed() {
		assertBadRequest(post("{\"name\":\"Ann\",\"lines\":[{\"sku\":\"A\",\"qty\":-1}]}"), "validation_failed",
				"The request body is not valid.", "lines[0]");
	}

	@Test
	void mapsAnAbsentRequiredCreatorPropertyToMissingField() {
		// Jackson's "Missing required creator property", as Kotlin's data classes and
		// @JsonProperty(required = true) raise it.
		MvcTestResult result = this.mvc.post()
			.uri("/contacts")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"ann@example.com\"}")
			.exchange();
		assertBadRequest(result, "missing_field", "Age in years is required.", "age_in_years");
	}

	@Test
	void acceptsAnUnknownFieldByDefault() {
		MvcTestResult result = post("{\"name\":\"Ann\",\"colour\":\"red\"}");
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
	}

	private MvcTestResult post(String json) {
		return this.mvc.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@Import(BodyController.class)
	static class TestApplication {

	}

	@RestController
	static class BodyController {

		@PostMapping("/orders")
		String create(@RequestBody OrderRequest order) {
			return "ok";
		}

		@PostMapping("/contacts")
		String create(@RequestBody ContactRequest contact) {
			return "ok";
		}

	}

	enum Priority {

		LOW, NORMAL, HIGH

	}

	record OrderRequest(String name, Integer quantity, Priority priority,
			@JsonProperty("deliver_on") LocalDate deliverOn, Boolean gift, List<Line> lines, List<Integer> codes,
			Map<String, Object> tags) {
	}

	record ContactRequest(@JsonProperty(required = true) String email,
			@JsonProperty(value = "age_in_years", required = true) int ageInYears) {
	}

	record Line(String sku, int qty) {

		Line {
			if (qty < 0) {
				throw new IllegalArgumentException("qty must not be negative");
			}
		}

	}

}
