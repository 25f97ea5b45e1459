package com.augno.errors.spring.mapping;

import java.util.Set;

import com.augno.errors.test.AugnoErrors;
import jakarta.persistence.Entity;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.mapping.ErrorResponses.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConstraintViolationExceptionMapper}: Bean Validation's own exception,
 * raised by a class-level {@code @Validated} controller (the client's) or service (the
 * server's).
 */
@WebMvcTest(controllers = ConstraintViolationExceptionMapperTests.ValidatedController.class)
@Import(ConstraintViolationExceptionMapperTests.StockService.class)
class ConstraintViolationExceptionMapperTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void mapsAConstrainedRequestParamOfAValidatedControllerToParameterInvalid() {
		MvcTestResult result = this.mvc.get().uri("/stock?limit=0").exchange();
		assertThat(result.getMvcResult().getResolvedException()).isInstanceOf(ConstraintViolationException.class);
		assertBadRequest(result, "parameter_invalid", "Limit must be greater than zero.", "limit");
	}

	@Test
	void namesARequestParamOfAValidatedControllerByItsWireName() {
		assertBadRequest(this.mvc.get().uri("/stock?page_size=101").exchange(), "parameter_invalid",
				"Page size must be at most 100.", "page_size");
	}

	@Test
	void namesAPathVariableOfAValidatedControllerByItsWireName() {
		assertBadRequest(this.mvc.get().uri("/stock/0").exchange(), "parameter_invalid",
				"Warehouse ID must be at least 1.", "warehouse_id");
	}

	@Test
	void namesARequestHeaderOfAValidatedControllerByItsWireName() {
		assertBadRequest(this.mvc.get().uri("/stock").header("X-Region", "eu west").exchange(), "parameter_invalid",
				"The X-Region header has an invalid format.", "X-Region");
	}

	@Test
	void mapsABlankRequestParamOfAValidatedControllerToParameterInvalid() {
		assertBadRequest(this.mvc.get().uri("/stock/search?sku=").exchange(), "parameter_invalid",
				"SKU must not be blank.", "sku");
	}

	@Test
	void mapsAConstrainedParameterOfAValidatedServiceToInternalError() {
		// The service's parameter is no parameter the client sent, and the server may
		// have
		// built its value: a server error, as without the starter.
		MvcTestResult result = this.mvc.get().uri("/stock/reserve?max_quantity=0").exchange();
		assertThat(result.getMvcResult().getResolvedException()).isInstanceOf(ConstraintViolationException.class);
		AugnoErrors.assertThat(result)
			.isAugnoError("internal_error")
			.hasStatus(500)
			.hasMessage("Something went wrong.")
			.hasNoParam();
	}

	@Test
	void mapsAJpaEntityHibernateValidatedAsItWroteItToInternalError() {
		// The service forgot to set a field of its own: a server error, as without the
		// starter, never a client's missing field.
		MvcTestResult result = this.mvc.post().uri("/stock/items").exchange();
		assertThat(result.getMvcResult().getResolvedException()).isInstanceOf(ConstraintViolationException.class);
		AugnoErrors.assertThat(result)
			.isAugnoError("internal_error")
			.hasStatus(500)
			.hasMessage("Something went wrong.")
			.hasNoParam();
	}

	@RepeatedTest(10)
	void prefersTheFirstDeclaredParameterAmongSeveralViolations() {
		// limit is declared before page_size, but sent after it.
		assertBadRequest(this.mvc.get().uri("/stock?page_size=500&limit=0").exchange(), "parameter_invalid",
				"Limit must be greater than zero.", "limit");
	}

	@RepeatedTest(10)
	void prefersAFormatViolationOverAnEarlierOutOfRangeParameter() {
		assertBadRequest(this.mvc.get().uri("/stock?page_size=500&limit=0").header("X-Region", "??").exchange(),
				"parameter_invalid", "The X-Region header has an invalid format.", "X-Region");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@Import(ValidatedController.class)
	static class TestApplication {

	}

	@RestController
	@Validated
	static class ValidatedController {

		private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

		private final StockService service;

		ValidatedController(StockService service) {
			this.service = service;
		}

		@GetMapping("/stock")
		public String list(@RequestParam(required = false) @Positive Integer limit,
				@RequestParam(name = "page_size", required = false) @Max(100) Integer pageSize,
				@RequestHeader(name = "X-Region", required = false) @Pattern(regexp = "[a-z-]+") String region) {
			return "ok";
		}

		@GetMapping("/stock/{warehouse_id}")
		public String get(@PathVariable("warehouse_id") @Min(1) long warehouseId) {
			return "ok";
		}

		@GetMapping("/stock/search")
		public String search(@RequestParam @NotBlank String sku) {
			return "ok";
		}

		@PostMapping("/stock/items")
		public String create() {
			// As Hibernate's BeanValidationEventListener raises it at a flush.
			Set<ConstraintViolation<StockItem>> violations = VALIDATOR.validate(new StockItem());
			throw new ConstraintViolationException("Validation failed for classes [" + StockItem.class.getName()
					+ "] during persist time for groups [jakarta.validation.groups.Default, ]", violations);
		}

		@GetMapping("/stock/reserve")
		public String reserve(@RequestParam("max_quantity") int maxQuantity) {
			return this.service.reserve(maxQuantity);
		}

	}

	@Entity
	static class StockItem {

		@NotNull
		String createdBy;

	}

	@Validated
	static class StockService {

		public String reserve(@Min(1) int quantity) {
			return "reserved " + quantity;
		}

	}

}
