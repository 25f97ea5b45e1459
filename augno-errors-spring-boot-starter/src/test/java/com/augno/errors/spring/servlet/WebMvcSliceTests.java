package com.augno.errors.spring.servlet;

import java.util.List;

import com.augno.errors.AugnoException;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.handler.HandlerExceptionResolverComposite;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in a {@code @WebMvcTest} slice, with Boot's problem details switched on and
 * unknown parameters rejected: the envelope still answers, and the application's own
 * exception handlers keep priority for their exceptions. The test kit's assertions check
 * the envelopes against the slice's own registry.
 */
@WebMvcTest(properties = { "spring.mvc.problemdetails.enabled=true", "augno.errors.reject-unknown-parameters=true" })
class WebMvcSliceTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void answersWithTheEnvelopeInTheSlice() {
		AugnoErrors.assertThat(this.mvc.get().uri("/v1/items/7"))
			.isAugnoError("resource_not_found")
			.hasMessage("No item with that ID.")
			.hasNoParam();
	}

	@Test
	void theEnvelopeWinsOverProblemDetailsForSpringMvcExceptions() {
		MvcTestResult result = this.mvc.post().uri("/v1/items").exchange();
		assertThat(result).headers().hasValue("Allow", "GET");
		AugnoErrors.assertThat(result)
			.isAugnoError("method_not_allowed")
			.hasMessage("Method not allowed.")
			.hasNoParam();
	}

	@Test
	void theApplicationsOwnExceptionHandlerKeepsPriority() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/v1/items/teapot").exchange();
		assertThat(result).hasStatus(HttpStatus.PAYMENT_REQUIRED).bodyText().isEqualTo("short and stout");
	}

	@Test
	void aControllersOwnExceptionHandlerKeepsPriorityOverTheEnvelope() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/v1/items/local").exchange();
		assertThat(result).hasStatus(HttpStatus.CONFLICT).bodyText().isEqualTo("handled locally");
	}

	@Test
	void theStartersResolversGoAroundTheExceptionHandlers(
			@Autowired HandlerExceptionResolverComposite handlerExceptionResolver) {
		List<HandlerExceptionResolver> resolvers = handlerExceptionResolver.getExceptionResolvers();
		assertThat(resolvers).hasSizeGreaterThan(3);
		assertThat(resolvers.get(0)).isInstanceOf(AugnoHandlerExceptionResolver.class);
		assertThat(resolvers.get(1)).isInstanceOf(ExceptionHandlerExceptionResolver.class);
		assertThat(resolvers.get(2)).isInstanceOf(AugnoHandlerExceptionResolver.class);
	}

	@Test
	void theApplicationsOwnHandlerForASpringMvcExceptionKeepsPriority() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/v1/items/required").exchange();
		assertThat(result).hasStatus(HttpStatus.CONFLICT).bodyText().isEqualTo("missing: q");
	}

	@Test
	void aSpringMvcExceptionNoApplicationHandlerClaimsIsTheEnvelope() {
		AugnoErrors.assertThat(this.mvc.get().uri("/v1/items/typed?limit=many"))
			.isAugnoError("parameter_invalid")
			.hasMessage("Limit must be an integer.")
			.hasParam("limit");
	}

	@Test
	void rejectsAQueryParameterTheHandlerDoesNotDeclare() {
		AugnoErrors.assertThat(this.mvc.get().uri("/v1/items?limit=5&skip=10"))
			.isAugnoError("parameter_unknown")
			.hasMessage("Unknown parameter: skip.")
			.hasParam("skip");
	}

	@Test
	void acceptsDeclaredParametersAndModelAttributeProperties() {
		assertThat(this.mvc.get().uri("/v1/items?limit=5&starting_after=a").exchange()).hasStatusOk();
		assertThat(this.mvc.get().uri("/v1/items/search?q=a&sort=asc").exchange()).hasStatusOk();
		AugnoErrors.assertThat(this.mvc.get().uri("/v1/items/search?q=a&order=asc"))
			.isAugnoError("parameter_unknown")
			.hasMessage("Unknown parameter: order.")
			.hasParam("order");
	}

	@SpringBootConfiguration
	@Import({ ItemsController.class, ApplicationAdvice.class })
	static class Config {

	}

	@RestController
	static class ItemsController {

		@GetMapping("/v1/items")
		String list(@RequestParam(defaultValue = "10") int limit,
				@RequestParam(name = "starting_after", required = false) String startingAfter) {
			return "ok";
		}

		@GetMapping("/v1/items/search")
		String search(SearchQuery query) {
			return query.q();
		}

		@GetMapping("/v1/items/7")
		String item() {
			throw AugnoException.of("resource_not_found").message("No item with that ID.");
		}

		@GetMapping("/v1/items/required")
		String required(@RequestParam String q) {
			return q;
		}

		@GetMapping("/v1/items/typed")
		String typed(@RequestParam int limit) {
			return "ok";
		}

		@GetMapping("/v1/items/local")
		String local() {
			throw new IllegalStateException("handled here");
		}

		@ExceptionHandler(IllegalStateException.class)
		ResponseEntity<String> handleLocally() {
			return ResponseEntity.status(HttpStatus.CONFLICT).body("handled locally");
		}

		@GetMapping("/v1/items/teapot")
		String teapot() {
			throw new TeapotException();
		}

	}

	record SearchQuery(String q, String sort) {
	}

	@RestControllerAdvice
	static class ApplicationAdvice {

		@ExceptionHandler(TeapotException.class)
		ResponseEntity<String> teapot() {
			return ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED).body("short and stout");
		}

		@ExceptionHandler(MissingServletRequestParameterException.class)
		ResponseEntity<String> missing(MissingServletRequestParameterException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body("missing: " + ex.getParameterName());
		}

	}

	static class TeapotException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

}
