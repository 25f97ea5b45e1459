package com.augno.errors.spring.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorFactory;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.servlet.ErrorResponseWriter;
import com.augno.errors.spring.web.ExclusiveParameters;
import com.augno.errors.spring.web.PossibleErrors;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.DispatcherType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document springdoc publishes for a small application, one rule of
 * {@link OperationErrorRules} and {@link ErrorResponsesOpenApiCustomizer} per test.
 */
@SpringBootTest(properties = { "augno.errors.reject-unknown-parameters=true",
		"augno.errors.codes.ledger_locked.status=423", "augno.errors.codes.ledger_locked.message=The ledger is locked.",
		"augno.errors.paths=/v1/**", "springdoc.api-docs.version=openapi_3_1", "springdoc.api-docs.enabled=true",
		"spring.autoconfigure.exclude=",
		// CatchAllController's handler is on purpose: silence its startup warning.
		"logging.level.com.augno.errors.spring.servlet.CatchAllExceptionHandlerWarning=off" })
@AutoConfigureMockMvc
class OpenApiDocumentTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ErrorFactory errorFactory;

	@Test
	void describesTheEnvelopeWithTheRegistrysCodesAndTypes() {
		JsonNode error = document().at("/components/schemas/AugnoError");
		assertThat(texts(error.at("/properties/code/enum")))
			.containsExactlyElementsOf(this.errorFactory.registry().codes().stream().map(ErrorCode::code).toList())
			.contains("ledger_locked", "not_acceptable");
		assertThat(texts(error.at("/properties/type/enum"))).containsExactly("invalid_request_error", "api_error",
				"idempotency_error");
		assertThat(texts(error.at("/required"))).containsExactlyInAnyOrder("code", "type", "message", "param",
				"doc_url", "is_transient", "quota", "request_log_url");
		assertThat(texts(error.at("/properties/param/type"))).containsExactly("string", "null");
		assertThat(document().at("/components/schemas/AugnoErrorEnvelope/properties/error/$ref").asString())
			.isEqualTo("#/components/schemas/AugnoError");
	}

	@Test
	void aValidBodyListsTheValidationCodesAndUnsupportedMediaType() {
		assertThat(codes("post", "/v1/items", "400")).containsExactly("validation_failed", "invalid_format",
				"missing_field", "parameter_unknown");
		assertThat(codes("post", "/v1/items", "415")).containsExactly("unsupported_media_type");
	}

	@Test
	void typedOrConstrainedParametersAreParameterInvalidAndRequiredOnesParameterMissing() {
		assertThat(codes("get", "/v1/items", "400")).containsExactlyInAnyOrder("parameter_invalid", "parameter_missing",
				"parameters_exclusive", "parameter_unknown");
		assertThat(codes("get", "/v1/items/{id}", "400")).containsExactly("parameter_unknown");
	}

	@Test
	void aStringParameterWithADefaultCannotFail() {
		assertThat(codes("delete", "/v1/items/{id}", "400")).containsExactly("parameter_unknown");
	}

	@Test
	void pathVariablesGiveResourceNotFoundBesideTheDeclaredCodes() {
		assertThat(codes("get", "/v1/items/{id}", "404")).containsExactly("resource_not_found");
		assertThat(codes("get", "/v1/items/{id}", "410")).containsExactly("resource_gone");
		assertThat(codes("get", "/v1/items/{id}", "423")).containsExactly("ledger_locked");
		assertThat(codes("get", "/v1/items", "404")).isEmpty();
	}

	@Test
	void everyOperationListsInternalErrorAndAllItsCodes() {
		JsonNode paths = document().get("paths");
		List<String> checked = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			// The controller that catches everything itself answers its own 500s.
			if (!path.getKey().startsWith("/v1/") || path.getKey().startsWith("/v1/caught/")) {
				continue;
			}
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				if (operation.getKey().startsWith("x-")) {
					continue;
				}
				assertThat(texts(operation.getValue().at("/responses/500/x-augno-error-codes")))
					.as(operation.getKey() + " " + path.getKey())
					.containsExactly("internal_error");
				List<String> all = texts(operation.getValue().get("x-augno-error-codes"));
				operation.getValue().get("responses").properties().forEach((response) -> {
					if (response.getValue().has("x-augno-error-codes")) {
						assertThat(all).containsAll(texts(response.getValue().get("x-augno-error-codes")));
					}
				});
				checked.add(operation.getKey() + " " + path.getKey());
			}
		}
		assertThat(checked).hasSize(10);
	}

	@Test
	void methodNotAllowedIsListedOnThePath() {
		assertThat(texts(document().at("/paths/~1v1~1items~1{id}/x-augno-error-codes")))
			.containsExactly("method_not_allowed");
		assertThat(document().at("/paths/~1v1~1items~1{id}/get/responses/405").isMissingNode()).isTrue();
	}

	@Test
	void aBodyOrProducesGivesNotAcceptableAndNoBodyDoesNot() {
		assertThat(codes("get", "/v1/items/{id}", "406")).containsExactly("not_acceptable");
		assertThat(codes("delete", "/v1/items/{id}", "406")).isEmpty();
	}

	@Test
	void anAsynchronousResultCanTimeOut() {
		assertThat(codes("get", "/v1/reports", "408")).containsExactly("request_timeout");
		assertThat(codes("get", "/v1/items", "408")).isEmpty();
	}

	@Test
	void urlRulesDecide401And403() {
		assertThat(codes("get", "/v1/public/status", "401")).isEmpty();
		assertThat(codes("get", "/v1/public/status", "403")).isEmpty();
		assertThat(codes("get", "/v1/items", "401")).containsExactly("expired_token", "api_key_expired",
				"api_key_revoked", "invalid_credentials");
		assertThat(codes("get", "/v1/items", "403")).isEmpty();
		assertThat(codes("patch", "/v1/admin/items/{id}", "403")).containsExactly("insufficient_permissions");
	}

	@Test
	void methodSecurityGives401And403() {
		assertThat(codes("delete", "/v1/items/{id}", "401")).contains("invalid_credentials");
		assertThat(codes("delete", "/v1/items/{id}", "403")).containsExactly("insufficient_permissions");
	}

	@Test
	void examplesAreTheEnvelopesTheServerWritesKeptOnceAmongTheComponents() throws Exception {
		JsonNode document = document();
		JsonNode examples = document.at("/paths/~1v1~1items~1{id}/get/responses/404/content/application~1json");
		assertThat(examples.at("/schema/$ref").asString()).isEqualTo("#/components/schemas/AugnoErrorEnvelope");
		assertThat(examples.at("/examples/resource_not_found/$ref").asString())
			.isEqualTo("#/components/examples/AugnoError.resource_not_found");
		assertThat(document
			.at("/paths/~1v1~1items/post/responses/500/content/application~1json/examples/internal_error/$ref")
			.asString()).isEqualTo("#/components/examples/AugnoError.internal_error");
		JsonNode components = document.at("/components/examples");
		assertThat(components.has("AugnoError.registration_closed")).as("a code no operation lists").isFalse();
		assertThat(components.at("/AugnoError.resource_not_found/summary").asString())
			.isEqualTo("The requested resource was not found.");
		JsonNode example = components.at("/AugnoError.resource_not_found/value");
		ErrorCode code = this.errorFactory.registry().get("resource_not_found");
		byte[] written = new ErrorResponseWriter()
			.toBytes(this.errorFactory.create(code, null, null, null, null, ErrorResponses.EXAMPLE_REQUEST_ID));
		assertThat(example).isEqualTo(this.json.readTree(written));
		assertThat(example.at("/error/param").isNull()).isTrue();
		assertThat(example.at("/error/request_log_url").asString()).endsWith(ErrorResponses.EXAMPLE_REQUEST_ID);
	}

	@Test
	void aResponseTheApplicationDescribedKeepsItsOwnSchema() {
		JsonNode responses = document().at("/paths/~1v1~1documented~1{id}/get/responses");
		JsonNode own = responses.at("/404");
		assertThat(own.at("/description").asString()).isEqualTo("No such item, as a problem.");
		assertThat(own.at("/content/application~1json/schema/$ref").asString()).endsWith("/ProblemDetail");
		assertThat(own.at("/content/application~1json/examples").isMissingNode()).isTrue();
		assertThat(own.has("x-augno-error-codes")).isFalse();
		assertThat(texts(document().at("/paths/~1v1~1documented~1{id}/get/x-augno-error-codes")))
			.contains("internal_error")
			.doesNotContain("resource_not_found");
		assertThat(responses.at("/500/content/application~1json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/AugnoErrorEnvelope");
	}

	/**
	 * An advice that extends Spring's {@code ResponseEntityExceptionHandler} answers
	 * Spring MVC's own exceptions with its problem details, at run time; springdoc
	 * documents none of its inherited handlers, and the document must not describe those
	 * statuses as the envelope.
	 */
	@Test
	void codesTheApplicationsOwnHandlersAnswerAreLeftToThem() {
		JsonNode operation = document().at("/paths/~1v1~1own~1items/post");
		assertThat(texts(operation.get("x-augno-error-codes"))).contains("internal_error", "parameter_unknown")
			.doesNotContain("validation_failed", "invalid_format", "missing_field", "unsupported_media_type",
					"not_acceptable");
		assertThat(texts(operation.at("/responses/400/x-augno-error-codes"))).containsExactly("parameter_unknown");
		assertThat(operation.at("/responses").has("415")).isFalse();
		// A handler of the validation failures alone leaves a malformed body to the
		// envelope.
		assertThat(texts(document().at("/paths/~1v1~1own-validation~1items/post/x-augno-error-codes")))
			.contains("validation_failed", "unsupported_media_type");
	}

	/**
	 * A catch-all handler of the application's answers whatever its controller throws:
	 * the document must not promise the envelope for the 404 of a missing item or for a
	 * crash.
	 */
	@Test
	void aCatchAllHandlerOfTheApplicationsKeepsItsErrorsOutOfTheDocument() {
		JsonNode operation = document().at("/paths/~1v1~1caught~1items~1{id}/get");
		assertThat(texts(operation.get("x-augno-error-codes"))).doesNotContain("internal_error", "resource_not_found");
		assertThat(operation.at("/responses").has("500")).isFalse();
		assertThat(operation.at("/responses").has("404")).isFalse();
	}

	@Test
	void pathsTheStarterDoesNotAnswerGetNoErrorResponses() {
		JsonNode operation = document().at("/paths/~1internal~1health/get");
		assertThat(operation.isMissingNode()).isFalse();
		assertThat(operation.has("x-augno-error-codes")).isFalse();
		assertThat(operation.at("/responses/500").isMissingNode()).isTrue();
	}

	private List<String> codes(String method, String path, String status) {
		JsonNode operation = document().get("paths").get(path).get(method);
		assertThat(operation).as(method + " " + path).isNotNull();
		return texts(operation.at("/responses/" + status + "/x-augno-error-codes"));
	}

	private static List<String> texts(@Nullable JsonNode array) {
		List<String> texts = new ArrayList<>();
		if (array != null) {
			array.forEach((node) -> texts.add(node.asString()));
		}
		return texts;
	}

	private JsonNode document() {
		MvcTestResult result = this.mvc.get().uri("/v3/api-docs").exchange();
		assertThat(result).hasStatusOk();
		return this.json.readTree(result.getResponse().getContentAsByteArray());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableMethodSecurity
	@Import({ ItemController.class, OwnAnswersController.class, OwnAnswersAdvice.class, OwnValidationController.class,
			CatchAllController.class })
	static class OpenApiApplication {

		@Bean
		SecurityFilterChain openApiSecurity(HttpSecurity http) {
			return http
				// A dispatcher type rule first, which Spring Security's own privilege
				// evaluator
				// cannot decide.
				.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
					.permitAll()
					.requestMatchers("/v3/api-docs/**", "/v1/public/**")
					.permitAll()
					.requestMatchers(HttpMethod.PATCH, "/v1/admin/**")
					.hasAuthority("SCOPE_admin")
					.anyRequest()
					.authenticated())
				.build();
		}

	}

	@RestController
	static class ItemController {

		@GetMapping("/v1/items")
		@ExclusiveParameters({ "cursor", "page" })
		List<String> list(@RequestParam @Positive int limit, @RequestParam(required = false) @Nullable String cursor,
				@RequestParam(required = false) @Nullable String page) {
			return List.of();
		}

		@GetMapping("/v1/documented/{id}")
		@ApiResponse(responseCode = "404", description = "No such item, as a problem.",
				content = @Content(mediaType = "application/json",
						schema = @Schema(implementation = ProblemDetail.class)))
		String documented(@PathVariable String id) {
			return id;
		}

		@GetMapping("/v1/items/{id}")
		@PossibleErrors({ "resource_gone", "ledger_locked" })
		String get(@PathVariable String id) {
			return id;
		}

		@PostMapping("/v1/items")
		String create(@Valid @RequestBody NewItem item) {
			return item.name();
		}

		@DeleteMapping("/v1/items/{id}")
		@PreAuthorize("hasAuthority('SCOPE_admin')")
		ResponseEntity<Void> delete(@PathVariable String id,
				@RequestHeader(name = "Reason", defaultValue = "none") String reason) {
			return ResponseEntity.noContent().build();
		}

		@PatchMapping("/v1/admin/items/{id}")
		String update(@PathVariable String id) {
			return id;
		}

		@GetMapping("/v1/reports")
		DeferredResult<String> report() {
			return new DeferredResult<>();
		}

		@GetMapping("/v1/public/status")
		String status() {
			return "ok";
		}

		@GetMapping("/internal/health")
		String health() {
			return "ok";
		}

	}

	record NewItem(@NotBlank String name) {
	}

	@RestController
	static class OwnAnswersController {

		@PostMapping("/v1/own/items")
		String create(@Valid @RequestBody NewItem item) {
			return item.name();
		}

	}

	@RestControllerAdvice(assignableTypes = OwnAnswersController.class)
	static class OwnAnswersAdvice extends ResponseEntityExceptionHandler {

	}

	@RestController
	static class CatchAllController {

		@GetMapping("/v1/caught/items/{id}")
		String item(@PathVariable String id) {
			return id;
		}

		@ExceptionHandler(Exception.class)
		ResponseEntity<String> anything(Exception ex) {
			return ResponseEntity.internalServerError().body("caught");
		}

	}

	@RestController
	static class OwnValidationController {

		@PostMapping("/v1/own-validation/items")
		String create(@Valid @RequestBody NewItem item) {
			return item.name();
		}

		@ExceptionHandler(MethodArgumentNotValidException.class)
		ResponseEntity<String> invalid(MethodArgumentNotValidException ex) {
			return ResponseEntity.badRequest().body("invalid");
		}

	}

}
