package com.augno.errors.spring.openapi;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.FrameworkCodes;
import com.augno.errors.spring.web.PossibleErrors;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@link OperationErrorRules} that the document test does not reach, one
 * handler signature each.
 */
class OperationErrorRulesTests {

	private static final ErrorRegistry REGISTRY = registry();

	private final OperationErrorRules rules = new OperationErrorRules(REGISTRY, true, () -> null);

	@Test
	void aRequiredHeaderIsParameterMissingAndATypedOneParameterInvalid() {
		assertThat(codes("requiredHeader")).containsExactly("parameter_missing", "parameter_unknown", "internal_error");
		assertThat(codes("typedHeader")).containsExactly("parameter_invalid", "parameter_unknown", "internal_error");
	}

	@Test
	void aNullableOrOptionalParameterIsNotRequired() {
		assertThat(codes("nullableParameter")).doesNotContain("parameter_missing");
		assertThat(codes("optionalParameter")).doesNotContain("parameter_missing");
	}

	@Test
	void aPresenceConstraintIsParameterMissing() {
		assertThat(codes("notBlankCookie")).containsExactly("parameter_missing", "parameter_unknown", "internal_error");
	}

	@Test
	void aParameterMapTakesEveryParameter() {
		assertThat(codes("parameterMap")).doesNotContain("parameter_unknown");
	}

	@Test
	void aModelAttributeIsParameterInvalid() {
		assertThat(codes("modelAttribute")).contains("parameter_invalid");
	}

	@Test
	void aMultipartPartCanBeMissingTooLargeOrOfAnotherType() {
		assertThat(codes("upload")).containsExactly("missing_field", "request_too_large", "unsupported_media_type",
				"parameter_unknown", "internal_error");
	}

	@Test
	void aCompletionStageCanTimeOutAndHasABody() {
		assertThat(codes("future")).containsExactly("parameter_unknown", "not_acceptable", "request_timeout",
				"internal_error");
	}

	@Test
	void apiVersioningAddsItsCodesAndRequiredOnlyWithoutADefault() {
		OperationErrorRules required = new OperationErrorRules(REGISTRY, false,
				() -> new OperationErrorRules.ApiVersioning(true));
		OperationErrorRules withDefault = new OperationErrorRules(REGISTRY, false,
				() -> new OperationErrorRules.ApiVersioning(false));
		assertThat(codes(required, "nothing")).containsExactly("api_version_required", "api_version_invalid",
				"api_version_too_old", "internal_error");
		assertThat(codes(withDefault, "nothing")).containsExactly("api_version_invalid", "api_version_too_old",
				"internal_error");
	}

	@Test
	void declaredCodesOfClassAndMethodAreListedAndUnregisteredOnesLeftOut() {
		Method method = ReflectionUtils.findMethod(DeclaringHandlers.class, "declared");
		assertThat(method).isNotNull();
		assertThat(this.rules.codes(new HandlerMethod(new DeclaringHandlers(), method)).stream().map(ErrorCode::code))
			.containsExactly("parameter_unknown", "rate_limit_exceeded", "resource_gone", "internal_error");
	}

	@Test
	void withoutAnythingOnlyInternalError() {
		assertThat(codes(new OperationErrorRules(REGISTRY, false, () -> null), "nothing"))
			.containsExactly("internal_error");
	}

	private static ErrorRegistry registry() {
		ErrorRegistry.Builder builder = ErrorRegistry.builder();
		FrameworkCodes.all().forEach(builder::registerBuiltIn);
		return builder.build();
	}

	private List<String> codes(String method) {
		return codes(this.rules, method);
	}

	private static List<String> codes(OperationErrorRules rules, String name) {
		Method method = ReflectionUtils.findMethod(Handlers.class, name, (Class<?>[]) null);
		assertThat(method).as(name).isNotNull();
		return rules.codes(new HandlerMethod(new Handlers(), method)).stream().map(ErrorCode::code).toList();
	}

	static class Handlers {

		void requiredHeader(@RequestHeader("Augno-Account") String account) {
		}

		void typedHeader(@RequestHeader(name = "Delay", required = false) Long delay) {
		}

		void nullableParameter(@RequestParam @Nullable String cursor) {
		}

		void optionalParameter(@RequestParam java.util.Optional<String> cursor) {
		}

		void notBlankCookie(@CookieValue(required = false) @NotBlank String session) {
		}

		void parameterMap(@RequestParam Map<String, String> all) {
		}

		void modelAttribute(@ModelAttribute Filter filter) {
		}

		void upload(@RequestPart MultipartFile file) {
		}

		CompletableFuture<String> future() {
			return CompletableFuture.completedFuture("done");
		}

		void nothing() {
		}

	}

	@PossibleErrors({ "rate_limit_exceeded" })
	static class DeclaringHandlers {

		@PossibleErrors({ "resource_gone", "not_a_registered_code" })
		void declared() {
		}

	}

	record Filter(String name) {
	}

}
