package com.augno.errors.spring.mapping;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import static com.augno.errors.spring.mapping.ErrorResponses.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ValidationExceptionMapper}: Spring MVC's own validation of
 * {@code @Valid} bodies and of constrained handler parameters.
 */
@WebMvcTest(controllers = ValidationExceptionMapperTests.ValidationController.class)
class ValidationExceptionMapperTests {

	@Autowired
	private MockMvcTester mvc;

	// --- @Valid body: missing_field

	@Test
	void mapsNotNullOnAbsentFieldToMissingField() {
		MvcTestResult result = post("/customers", "{\"email\":\"ann@example.com\",\"age\":30}");
		assertThat(result.getMvcResult().getResolvedException()).isInstanceOf(MethodArgumentNotValidException.class);
		assertBadRequest(result, "missing_field", "Name is required.", "name");
	}

	@Test
	void mapsNotBlankOnNullFieldToMissingField() {
		assertBadRequest(post("/customers", "{\"name\":null,\"email\":\"ann@example.com\",\"age\":30}"),
				"missing_field", "Name is required.", "name");
	}

	@Test
	void mapsNotEmptyOnAbsentListToMissingField() {
		assertBadRequest(post("/orders", "{\"reference\":\"r1\"}"), "missing_field", "Items is required.", "items");
	}

	@Test
	void mapsNotBlankOnBlankValueToValidationFailed() {
		assertBadRequest(post("/customers", "{\"name\":\"   \",\"email\":\"ann@example.com\",\"age\":30}"),
				"validation_failed", "Name must not be blank.", "name");
	}

	@Test
	void mapsNotEmptyOnEmptyListToValidationFailed() {
		assertBadRequest(post("/orders", "{\"reference\":\"r1\",\"items\":[]}"), "validation_failed",
				"Items must not be empty.", "items");
	}

	// --- @Valid body: invalid_format

	@Test
	void mapsEmailToInvalidFormat() {
		assertBadRequest(post("/customers", "{\"name\":\"Ann\",\"email\":\"not-an-email\",\"age\":30}"),
				"invalid_format", "Email must be a valid email address.", "email");
	}

	@Test
	void mapsPatternToInvalidFormat() {
		assertBadRequest(post("/orders", "{\"reference\":\"R 1\",\"items\":[{\"sku\":\"A\",\"quantity\":1}]}"),
				"invalid_format", "Reference has an invalid format.", "reference");
	}

	// --- @Valid body: validation_failed

	@Test
	void mapsPositiveToValidationFailed() {
		assertBadRequest(post("/orders", "{\"reference\":\"r1\",\"items\":[{\"sku\":\"A\",\"quantity\":0}]}"),
				"validation_failed", "Quantity must be greater than zero.", "items[0].quantity");
	}

	@Test
	void mapsMinToValidationFailed() {
		assertBadRequest(post("/customers", "{\"name\":\"Ann\",\"email\":\"ann@example.com\",\"age\":12}"),
				"validation_failed", "Age must be at least 18.", "age");
	}

	@Test
	void mapsSizeToValidationFailed() {
		assertBadRequest(
				post("/customers", "{\"name\":\"" + "x".repeat(41) + "\",\"email\":\"ann@example.com\",\"age\":30}"),
				"validation_failed", "Name must be at most 40 characters long.", "name");
	}

	@Test
	void usesTheExplicitMessageOfAConstraint() {
		assertBadRequest(
				post("/customers", "{\"name\":\"Ann\",\"email\":\"ann@example.com\",\"age\":30,\"nickname\":\"a\"}"),
				"validation_failed", "Nicknames need two letters or more.", "nickname");
	}

	// --- JSON paths

	@Test
	void namesAFieldByItsJsonPropertyName() {
		assertBadRequest(post("/customers",
				"{\"name\":\"Ann\",\"email\":\"ann@example.com\",\"age\":30,\"address\":{\"street\":\"Main\"}}"),
				"missing_field", "Postal code is required.", "address.postal_code");
	}

	@Test
	void namesAListElementFieldByItsZeroBasedIndex() {
		assertBadRequest(
				post("/orders", "{\"reference\":\"r1\",\"items\":[{\"sku\":\"A\",\"quantity\":1},{\"quantity\":1}]}"),
				"missing_field", "SKU is required.", "items[1].sku");
	}

	// --- several violations

	@RepeatedTest(10)
	void prefersMissingOverFormatOverOtherWhateverTheDeclarationOrder() {
		// age (other) is declared before email (format), which is before name (missing).
		assertBadRequest(post("/customers", "{\"email\":\"nope\",\"age\":3,\"nickname\":\"a\"}"), "missing_field",
				"Name is required.", "name");
		assertBadRequest(post("/customers", "{\"name\":\"Ann\",\"email\":\"nope\",\"age\":3,\"nickname\":\"a\"}"),
				"invalid_format", "Email must be a valid email address.", "email");
	}

	@RepeatedTest(10)
	void prefersTheFirstDeclaredFieldAmongViolationsOfOneCategory() {
		// Declared zip, city, country: neither alphabetical nor reverse alphabetical.
		assertBadRequest(post("/shipments", "{}"), "missing_field", "Zip is required.", "zip");
		assertBadRequest(post("/shipments", "{\"zip\":\"1\"}"), "missing_field", "City is required.", "city");
		assertBadRequest(post("/shipments", "{\"country\":\"x\",\"city\":\"y\",\"zip\":\"z\"}"), "validation_failed",
				"Zip must be at least 3 characters long.", "zip");
		assertBadRequest(post("/shipments", "{\"country\":\"x\",\"city\":\"y\",\"zip\":\"12345\"}"),
				"validation_failed", "City must be at least 2 characters long.", "city");
	}

	@RepeatedTest(10)
	void prefersTheEarlierListElement() {
		assertBadRequest(post("/orders",
				"{\"reference\":\"r1\",\"items\":[{\"sku\":\"A\",\"quantity\":0},{\"sku\":\"B\",\"quantity\":-1}]}"),
				"validation_failed", "Quantity must be greater than zero.", "items[0].quantity");
	}

	@RepeatedTest(20)
	void choosesDeterministicallyBetweenTwoConstraintsOnOneField() {
		// " " violates both @NotBlank and @Size(min = 2), both "other" violations.
		assertBadRequest(post("/shipments", "{\"country\":\"NL\",\"city\":\" \",\"zip\":\"12345\"}"),
				"validation_failed", "City must not be blank.", "city");
	}

	// --- handler parameters (built-in method validation)

	@Test
	void mapsPositiveRequestParamToParameterInvalid() {
		MvcTestResult result = this.mvc.get().uri("/customers?limit=0").exchange();
		assertThat(result.getMvcResult().getResolvedException()).isInstanceOf(HandlerMethodValidationException.class);
		assertBadRequest(result, "parameter_invalid", "Limit must be greater than zero.", "limit");
	}

	@Test
	void namesARequestParamByItsWireName() {
		assertBadRequest(this.mvc.get().uri("/customers?page_size=500").exchange(), "parameter_invalid",
				"Page size must be at most 100.", "page_size");
	}

	@Test
	void mapsAMistypedRequestParamToParameterInvalid() {
		assertBadRequest(this.mvc.get().uri("/customers?page_size=many").exchange(), "parameter_invalid",
				"Page size must be an integer.", "page_size");
	}

	@Test
	void mapsAConstrainedPathVariableToParameterInvalid() {
		assertBadRequest(this.mvc.get().uri("/customers/0").exchange(), "parameter_invalid",
				"Customer ID must be at least 1.", "customer_id");
	}

	@Test
	void mapsAMistypedPathVariableToParameterInvalid() {
		assertBadRequest(this.mvc.get().uri("/customers/abc").exchange(), "parameter_invalid",
				"Customer ID must be an integer.", "customer_id");
	}

	@Test
	void mapsAConstrainedRequestHeaderToParameterInvalid() {
		assertBadRequest(this.mvc.get().uri("/customers").header("X-Tenant", "a-tenant-name-too-long").exchange(),
				"parameter_invalid", "The X-Tenant header must be at most 10 characters long.", "X-Tenant");
	}

	@Test
	void mapsAConstrainedListElementOfARequestParamToParameterInvalid() {
		assertBadRequest(this.mvc.get().uri("/customers/batch?ids=1,0").exchange(), "parameter_invalid",
				"IDs must be greater than zero.", "ids");
	}

	@RepeatedTest(10)
	void prefersTheFirstParameterAmongInvalidParameters() {
		assertBadRequest(this.mvc.get().uri("/customers?page_size=500&limit=0").exchange(), "parameter_invalid",
				"Limit must be greater than zero.", "limit");
	}

	@Test
	void mapsABodyValidatedAlongsideAConstrainedParameterByJsonPath() {
		MvcTestResult result = this.mvc.post()
			.uri("/customers/import?batch=1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"ann@example.com\",\"age\":30,\"address\":{}}")
			.exchange();
		assertThat(result.getMvcResult().getResolvedException()).isInstanceOf(HandlerMethodValidationException.class);
		assertBadRequest(result, "missing_field", "Name is required.", "name");
	}

	@Test
	void mapsANestedBodyFieldValidatedAlongsideAConstrainedParameterByJsonPath() {
		assertBadRequest(this.mvc.post()
			.uri("/customers/import?batch=1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Ann\",\"email\":\"ann@example.com\",\"age\":30,\"address\":{\"street\":\"x\"}}")
			.exchange(), "missing_field", "Postal code is required.", "address.postal_code");
	}

	@Test
	void prefersAMissingBodyFieldOverAnInvalidParameterDeclaredBefore() {
		assertBadRequest(this.mvc.post()
			.uri("/customers/import?batch=0")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"ann@example.com\",\"age\":30}")
			.exchange(), "missing_field", "Name is required.", "name");
	}

	private MvcTestResult post(String uri, String json) {
		return this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@Import(ValidationController.class)
	static class TestApplication {

	}

	@RestController
	static class ValidationController {

		@PostMapping("/customers")
		String create(@Valid @RequestBody Customer customer) {
			return "ok";
		}

		@PostMapping("/customers/import")
		String importCustomer(@RequestParam @Positive int batch, @Valid @RequestBody Customer customer) {
			return "ok";
		}

		@GetMapping("/customers")
		String list(@RequestParam(required = false) @Positive Integer limit,
				@RequestParam(name = "page_size", required = false) @Max(100) Integer pageSize,
				@RequestHeader(name = "X-Tenant", required = false) @Size(max = 10) String tenant) {
			return "ok";
		}

		@GetMapping("/customers/batch")
		String batch(@RequestParam List<@Positive Long> ids) {
			return "ok";
		}

		@GetMapping("/customers/{customer_id}")
		String get(@PathVariable("customer_id") @Min(1) long customerId) {
			return "ok";
		}

		@PostMapping("/orders")
		String order(@Valid @RequestBody Order order) {
			return "ok";
		}

		@PostMapping("/shipments")
		String ship(@Valid @RequestBody Shipment shipment) {
			return "ok";
		}

	}

	record Customer(@Min(18) Integer age, @NotNull @Email String email, @NotBlank @Size(max = 40) String name,
			@Size(min = 2, message = "Nicknames need two letters or more.") String nickname, @Valid Address address) {
	}

	record Address(String street, @JsonProperty("postal_code") @NotBlank String postalCode) {
	}

	record Order(@Pattern(regexp = "[a-z0-9]+") String reference, @NotEmpty List<@Valid Item> items) {
	}

	record Item(@NotBlank String sku, @Positive int quantity) {
	}

	record Shipment(@NotNull @Size(min = 3) String zip, @NotBlank @Size(min = 2) String city,
			@NotNull @Size(min = 2) String country) {
	}

}
