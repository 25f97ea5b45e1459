package com.augno.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ErrorRegistryTests {

	private final ErrorRegistry registry = ErrorRegistry.standard();

	// The contract's table, copied from the spec: code, HTTP status, type, transient.
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "expired_token, 401, invalid_request_error, false",
			"api_key_expired, 401, invalid_request_error, false", "api_key_revoked, 401, invalid_request_error, false",
			"invalid_credentials, 401, invalid_request_error, false",
			"insufficient_permissions, 403, invalid_request_error, false",
			"payment_required, 402, invalid_request_error, false", "limit_exceeded, 403, invalid_request_error, false",
			"registration_closed, 403, invalid_request_error, false",
			"validation_failed, 400, invalid_request_error, false", "missing_field, 400, invalid_request_error, false",
			"invalid_format, 400, invalid_request_error, false",
			"method_not_allowed, 405, invalid_request_error, false",
			"parameter_missing, 400, invalid_request_error, false",
			"parameter_invalid, 400, invalid_request_error, false",
			"parameter_unknown, 400, invalid_request_error, false",
			"parameters_exclusive, 400, invalid_request_error, false",
			"resource_not_found, 404, invalid_request_error, false",
			"resource_exists, 409, invalid_request_error, false",
			"resource_conflict, 409, invalid_request_error, false", "resource_gone, 410, invalid_request_error, false",
			"idempotency_in_progress, 409, idempotency_error, true",
			"rate_limit_exceeded, 429, invalid_request_error, true",
			"api_version_required, 400, invalid_request_error, false",
			"api_version_invalid, 400, invalid_request_error, false",
			"api_version_too_old, 400, invalid_request_error, false", "internal_error, 500, api_error, true",
			"service_unavailable, 503, api_error, true", "external_service_error, 502, api_error, true",
			"timeout, 504, api_error, true", "connection_error, 502, api_error, true",
			"request_timeout, 408, api_error, true", "client_closed_request, 499, api_error, false" })
	void holdsTheContractsStatusTypeAndTransience(String code, int status, String type, boolean transientError) {
		ErrorCode errorCode = this.registry.get(code);
		assertThat(errorCode.status()).isEqualTo(status);
		assertThat(errorCode.type().wireName()).isEqualTo(type);
		assertThat(this.registry.isTransient(errorCode, errorCode.type())).isEqualTo(transientError);
		assertThat(errorCode.message()).isNotBlank().endsWith(".");
	}

	@Test
	void holdsExactlyTheContractsCodesInTheDocumentationsOrder() {
		assertThat(this.registry.codes()).extracting(ErrorCode::code)
			.containsExactly("expired_token", "api_key_expired", "api_key_revoked", "invalid_credentials",
					"insufficient_permissions", "payment_required", "limit_exceeded", "registration_closed",
					"validation_failed", "missing_field", "invalid_format", "method_not_allowed", "parameter_missing",
					"parameter_invalid", "parameter_unknown", "parameters_exclusive", "resource_not_found",
					"resource_exists", "resource_conflict", "resource_gone", "idempotency_in_progress",
					"rate_limit_exceeded", "api_version_required", "api_version_invalid", "api_version_too_old",
					"internal_error", "service_unavailable", "external_service_error", "timeout", "connection_error",
					"request_timeout", "client_closed_request");
		assertThat(ErrorCodes.contract()).containsExactlyElementsOf(this.registry.codes());
	}

	@Test
	void transienceIsDecidedByCodeAndTypeTogether() {
		assertThat(this.registry.isTransient(ErrorCodes.VALIDATION_FAILED, ErrorType.IDEMPOTENCY_ERROR)).isFalse();
		assertThat(this.registry.isTransient(ErrorCodes.IDEMPOTENCY_IN_PROGRESS, ErrorType.IDEMPOTENCY_ERROR)).isTrue();
		assertThat(this.registry.isTransient(ErrorCodes.INTERNAL_ERROR, ErrorType.INVALID_REQUEST_ERROR)).isFalse();
	}

	@Test
	void theTransientSetIsExactlyTheContracts() {
		assertThat(this.registry.codes()).filteredOn((code) -> code.isTransient(code.type()))
			.extracting(ErrorCode::code)
			.containsExactlyInAnyOrder("internal_error", "service_unavailable", "external_service_error", "timeout",
					"connection_error", "request_timeout", "idempotency_in_progress", "rate_limit_exceeded");
	}

	@Test
	void genericExamplesAreTheDefaultMessages() {
		assertThat(ErrorCodes.INTERNAL_ERROR.message()).isEqualTo("Something went wrong.");
		assertThat(ErrorCodes.METHOD_NOT_ALLOWED.message()).isEqualTo("Method not allowed.");
		assertThat(ErrorCodes.RATE_LIMIT_EXCEEDED.message())
			.isEqualTo("Too many requests. Please wait before trying again.");
		assertThat(ErrorCodes.REQUEST_TIMEOUT.message()).isEqualTo("Request timed out.");
		assertThat(ErrorCodes.TIMEOUT.message()).isEqualTo("The operation timed out.");
		assertThat(ErrorCodes.CLIENT_CLOSED_REQUEST.message()).isEqualTo("Client closed request.");
	}

	@Test
	void resourceSpecificExamplesAreNotDefaultMessages() {
		assertThat(ErrorCodes.RESOURCE_NOT_FOUND.message()).doesNotContain("Shipping");
		assertThat(ErrorCodes.LIMIT_EXCEEDED.message()).doesNotContain("sandbox");
		assertThat(ErrorCodes.VALIDATION_FAILED.message()).doesNotContain("email");
	}

	@Test
	void registersCustomCodes() {
		ErrorRegistry custom = ErrorRegistry.builder()
			.register(ErrorCode.of("plan_downgrade_blocked", 409, ErrorType.INVALID_REQUEST_ERROR, false,
					"The plan cannot be downgraded now."))
			.register(ErrorCode.of("ledger_locked", 503, ErrorType.API_ERROR, true, "The ledger is locked."))
			.build();
		assertThat(custom.get("plan_downgrade_blocked").status()).isEqualTo(409);
		assertThat(custom.get("ledger_locked").isTransient(ErrorType.API_ERROR)).isTrue();
		assertThat(custom.codes()).hasSize(34);
		assertThat(this.registry.find("ledger_locked")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1code", "_code", "-code", "code with space", "código", "code\"quote", "code<b>",
			"code#fragment" })
	void rejectsCodesNoContractCouldUse(String code) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ErrorCode.of(code, 400, ErrorType.INVALID_REQUEST_ERROR, false, "Message."))
			.withMessageContaining(ErrorCode.CODE_SYNTAX.pattern());
	}

	@Test
	void rejectsCodesLongerThanAHundredCharacters() {
		assertThat(ErrorCode.of("a".repeat(100), 400, ErrorType.API_ERROR, false, "Message.").code()).hasSize(100);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ErrorCode.of("a".repeat(101), 400, ErrorType.API_ERROR, false, "Message."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Resource", "code-with-dash", "code.dot", "VALIDATION_ERROR", "AUTH-401" })
	void registersOnlyLowerSnakeCaseCodesByDefault(String code) {
		ErrorCode other = ErrorCode.of(code, 400, ErrorType.INVALID_REQUEST_ERROR, false, "Message.");
		assertThatIllegalArgumentException().isThrownBy(() -> ErrorRegistry.builder().register(other))
			.withMessageContaining("'" + code + "' must match ^[a-z][a-z0-9_]*$");
	}

	@Test
	void registersCodesOfAnotherContractsSyntax() {
		ErrorRegistry registry = ErrorRegistry.builder()
			.codeSyntax(Pattern.compile("^[A-Z]+-[0-9]{3}$"))
			.register(ErrorCode.of("AUTH-401", 401, ErrorType.INVALID_REQUEST_ERROR, false, "Unauthorized."))
			.build();
		assertThat(registry.get("AUTH-401").status()).isEqualTo(401);
		assertThat(registry.find("resource_not_found")).isNotNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ErrorRegistry.builder()
				.codeSyntax(Pattern.compile("^[A-Z]+-[0-9]{3}$"))
				.register(ErrorCode.of("AUTH_401", 401, ErrorType.INVALID_REQUEST_ERROR, false, "Unauthorized.")))
			.withMessageContaining("^[A-Z]+-[0-9]{3}$");
	}

	@Test
	void documentsRegisteredCodes() {
		ErrorDocumentation notFound = new ErrorDocumentation("Resource not found", "The resource does not exist.",
				List.of("A wrong id", "A deleted resource"), "Check the id.");
		ErrorRegistry registry = ErrorRegistry.builder()
			.register(ErrorCode.of("ledger_locked", 423, ErrorType.INVALID_REQUEST_ERROR, false, "Locked."))
			.document("resource_not_found", notFound)
			.build();
		assertThat(registry.documentation("resource_not_found")).isEqualTo(notFound);
		// The contract's own documentation, unless replaced; none for a code nobody
		// documented.
		assertThat(registry.documentation("internal_error"))
			.isEqualTo(ErrorDocumentationProperties.contract().get("internal_error"));
		assertThat(registry.documentation("ledger_locked").isEmpty()).isTrue();
		assertThat(registry.documentation("no_such_code")).isEqualTo(ErrorDocumentation.none());
		assertThat(ErrorRegistry.standard().documentation("resource_not_found"))
			.isEqualTo(ErrorDocumentationProperties.contract().get("resource_not_found"))
			.isNotEqualTo(notFound);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ErrorRegistry.builder().document("resource_not_fuond", notFound))
			.withMessageContaining("did you mean 'resource_not_found'");
	}

	@Test
	void keepsDocumentationCausesImmutable() {
		List<String> causes = new ArrayList<>(List.of("One"));
		ErrorDocumentation documentation = new ErrorDocumentation(null, null, causes, null);
		causes.add("Two");
		assertThat(documentation.causes()).containsExactly("One");
		assertThat(documentation.isEmpty()).isFalse();
		assertThat(new ErrorDocumentation(null, null, null, null).isEmpty()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 200, 302, 399, 600, 999, -1 })
	void rejectsNonErrorStatuses(int status) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ErrorCode.of("my_code", status, ErrorType.INVALID_REQUEST_ERROR, false, "Message."))
			.withMessageContaining("400 to 599");
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 422, 499, 599 })
	void acceptsErrorStatuses(int status) {
		assertThat(ErrorCode.of("my_code", status, ErrorType.API_ERROR, false, "Message.").status()).isEqualTo(status);
	}

	@Test
	void rejectsBlankMessagesAndMissingTypes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ErrorCode.of("my_code", 400, ErrorType.API_ERROR, false, " "))
			.withMessageContaining("default message");
		assertThatIllegalArgumentException().isThrownBy(() -> ErrorCode.of("my_code", 400, null, false, "Message."))
			.withMessageContaining("type");
	}

	@Test
	void rejectsRedefiningABuiltInCode() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ErrorRegistry.builder()
				.register(ErrorCode.of("resource_not_found", 410, ErrorType.INVALID_REQUEST_ERROR, false, "Gone.")))
			.withMessageContaining("'resource_not_found' is built in");
	}

	@Test
	void treatsACodeRegisteredAsBuiltInLikeTheContractsOwn() {
		ErrorCode addition = ErrorCode.of("not_acceptable", 406, ErrorType.INVALID_REQUEST_ERROR, false, "No.");
		ErrorCode custom = ErrorCode.of("my_code", 400, ErrorType.INVALID_REQUEST_ERROR, false, "Message.");
		ErrorRegistry.Builder builder = ErrorRegistry.builder().registerBuiltIn(addition).register(custom);
		assertThat(builder.isBuiltIn("resource_not_found")).isTrue();
		assertThat(builder.isBuiltIn("not_acceptable")).isTrue();
		assertThat(builder.isBuiltIn("my_code")).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> builder
				.register(ErrorCode.of("not_acceptable", 400, ErrorType.INVALID_REQUEST_ERROR, false, "Other.")))
			.withMessageContaining("'not_acceptable' is built in");
	}

	@Test
	void rejectsRegisteringACustomCodeTwice() {
		ErrorCode code = ErrorCode.of("my_code", 400, ErrorType.INVALID_REQUEST_ERROR, false, "Message.");
		assertThatIllegalArgumentException().isThrownBy(() -> ErrorRegistry.builder().register(code).register(code))
			.withMessageContaining("already registered");
	}

	@Test
	void overridesTheMessageAndDocUrlOfABuiltInCodeOnly() {
		ErrorRegistry overridden = ErrorRegistry.builder()
			.overrideMessage("resource_not_found", "Nothing here.")
			.overrideDocUrl("resource_exists", "https://docs.augno.com/api/errors#resource_conflict")
			.build();
		ErrorCode notFound = overridden.get("resource_not_found");
		assertThat(notFound.message()).isEqualTo("Nothing here.");
		assertThat(notFound.status()).isEqualTo(404);
		assertThat(notFound.type()).isEqualTo(ErrorType.INVALID_REQUEST_ERROR);
		assertThat(overridden.get("resource_exists").docUrl())
			.isEqualTo("https://docs.augno.com/api/errors#resource_conflict");
		assertThat(ErrorCodes.RESOURCE_NOT_FOUND.message()).isEqualTo("The requested resource was not found.");
	}

	@Test
	void rejectsOverridingAnUnknownCodeWithSuggestions() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ErrorRegistry.builder().overrideMessage("resource_notfound", "Nothing here."))
			.withMessage("Unknown error code 'resource_notfound'; did you mean 'resource_not_found'?");
	}

	@Test
	void rejectsBlankOverrides() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ErrorRegistry.builder().overrideMessage("resource_not_found", ""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ErrorRegistry.builder().overrideDocUrl("resource_not_found", " "));
	}

	@ParameterizedTest
	@CsvSource({ "resource_notfound, resource_not_found", "not_found, resource_not_found",
			"intrnal_error, internal_error", "timeout_error, timeout", "RATE_LIMIT_EXCEEDED, rate_limit_exceeded",
			"expired_tokn, expired_token", "paramter_missing, parameter_missing" })
	void suggestsTheClosestKnownCodes(String unknown, String expected) {
		assertThat(this.registry.suggestionsFor(unknown)).first().isEqualTo(expected);
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.get(unknown))
			.withMessageStartingWith("Unknown error code '" + unknown + "'; did you mean ")
			.withMessageContaining("'" + expected + "'");
	}

	@Test
	void suggestsAtMostThreeCodesClosestFirst() {
		assertThat(this.registry.suggestionsFor("parameter")).hasSizeLessThanOrEqualTo(3)
			.allSatisfy((code) -> assertThat(code).startsWith("parameter"));
		assertThat(this.registry.suggestionsFor("api_key_expird")).first().isEqualTo("api_key_expired");
	}

	@Test
	void saysSoWhenNothingIsClose() {
		assertThat(this.registry.suggestionsFor("zzzzzz")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.get("zzzzzz"))
			.withMessage("Unknown error code 'zzzzzz'; register it as a custom code");
	}

	@Test
	void findsCustomCodesByDidYouMeanToo() {
		ErrorRegistry custom = ErrorRegistry.builder()
			.register(ErrorCode.of("ledger_locked", 503, ErrorType.API_ERROR, true, "The ledger is locked."))
			.build();
		assertThat(custom.suggestionsFor("ledger_lock")).containsExactly("ledger_locked");
	}

	@Test
	void aRegistryThatReplacesTheBuiltInCodesListsOnlyItsOwn() {
		ErrorRegistry own = ErrorRegistry.builder()
			.replaceBuiltIns()
			.codeSyntax(Pattern.compile("^[A-Z][A-Z0-9_]*$"))
			.register(ErrorCode.of("NOT_FOUND", 404, ErrorType.INVALID_REQUEST_ERROR, false, "Resource not found"))
			.build();
		assertThat(own.codes()).extracting(ErrorCode::code).containsExactly("NOT_FOUND");
		assertThat(own.find("validation_failed")).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> own.get("resource_not_found"))
			.withMessageStartingWith("Unknown error code 'resource_not_found'");
	}

	@Test
	void findsTheReplacementOfABuiltInCode() {
		ErrorRegistry own = ErrorRegistry.builder()
			.replaceBuiltIns()
			.codeSyntax(Pattern.compile("^[A-Z][A-Z0-9_]*$"))
			.register(ErrorCode.of("VALIDATION_ERROR", 422, ErrorType.INVALID_REQUEST_ERROR, false, "Invalid."))
			.replace("validation_failed", "VALIDATION_ERROR")
			.replace("missing_field", "VALIDATION_ERROR")
			.build();
		assertThat(own.find("missing_field")).isSameAs(own.find("VALIDATION_ERROR"));
		assertThat(own.get("validation_failed").status()).isEqualTo(422);
		assertThat(own.replaces("VALIDATION_ERROR")).containsExactly("missing_field", "validation_failed");
		assertThat(own.replaces("missing_field")).isEmpty();
		assertThat(new ErrorFactory(own, ErrorLinks.defaults()).create(ErrorCodes.MISSING_FIELD, null, null, "name",
				null, null))
			.satisfies((error) -> {
				assertThat(error.code()).isEqualTo("VALIDATION_ERROR");
				assertThat(error.message()).isEqualTo("Invalid.");
			});
	}

	@Test
	void keepsABuiltInCodeNothingReplacesForTheFailuresItAnswers() {
		ErrorRegistry own = ErrorRegistry.builder()
			.replaceBuiltIns()
			.register(ErrorCode.of("not_found", 404, ErrorType.INVALID_REQUEST_ERROR, false, "Not found"))
			.replace("resource_not_found", "not_found")
			.build();
		ErrorFactory factory = new ErrorFactory(own, ErrorLinks.defaults());
		assertThat(factory.resolve(ErrorCodes.METHOD_NOT_ALLOWED)).isEqualTo(ErrorCodes.METHOD_NOT_ALLOWED);
		assertThat(factory.resolve(ErrorCodes.RESOURCE_NOT_FOUND).code()).isEqualTo("not_found");
	}

	@Test
	void mayReuseTheNameOfAReplacedBuiltInCode() {
		ErrorRegistry own = ErrorRegistry.builder()
			.replaceBuiltIns()
			.register(ErrorCode.of("internal_error", 500, ErrorType.API_ERROR, false, "Internal server error"))
			.build();
		assertThat(own.get("internal_error").message()).isEqualTo("Internal server error");
	}

	@Test
	void rejectsReplacingAnythingButABuiltInCodeOnceWithARegisteredCode() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ErrorRegistry.builder()
				.register(ErrorCode.of("not_found", 404, ErrorType.INVALID_REQUEST_ERROR, false, "Not found"))
				.replace("resource_not_found", "not_found"))
			.withMessageContaining("call replaceBuiltIns() first");
		ErrorRegistry.Builder builder = ErrorRegistry.builder()
			.replaceBuiltIns()
			.register(ErrorCode.of("not_found", 404, ErrorType.INVALID_REQUEST_ERROR, false, "Not found"))
			.register(ErrorCode.of("gone", 410, ErrorType.INVALID_REQUEST_ERROR, false, "Gone"));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.replace("resource_notfound", "not_found"))
			.withMessage("'resource_notfound' is not a built-in code that can be replaced");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.replace("resource_not_found", "missing"))
			.withMessageStartingWith("Unknown error code 'missing'");
		builder.replace("resource_not_found", "not_found");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.replace("resource_not_found", "gone"))
			.withMessage("'resource_not_found' is already replaced by 'not_found'; it can be replaced once");
	}

}
