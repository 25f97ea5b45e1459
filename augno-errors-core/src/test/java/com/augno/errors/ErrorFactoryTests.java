package com.augno.errors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ErrorFactoryTests {

	private final ErrorFactory factory = new ErrorFactory(ErrorRegistry.standard(), ErrorLinks.defaults());

	@Test
	void usesTheCodesDefaultsWhenTheThrowerGivesNone() {
		AugnoError error = this.factory.create(AugnoException.of("service_unavailable"), "rq_1");
		assertThat(error).isEqualTo(new AugnoError("service_unavailable", ErrorType.API_ERROR,
				"The service is temporarily unavailable. Please try again later.", null,
				"https://docs.augno.com/api/errors#service_unavailable", true, null,
				"https://augno.com/dashboard/request-logs/rq_1"));
	}

	@Test
	void aTypeOverrideDecidesTransienceWithTheCode() {
		AugnoError error = this.factory.create(AugnoException.of("validation_failed").type(ErrorType.IDEMPOTENCY_ERROR),
				null);
		assertThat(error.type()).isEqualTo(ErrorType.IDEMPOTENCY_ERROR);
		assertThat(error.isTransient()).isFalse();
		assertThat(error.requestLogUrl()).isNull();
	}

	@Test
	void registeredOverridesWinOverTheConstantTheExceptionCarries() {
		ErrorFactory overridden = new ErrorFactory(
				ErrorRegistry.builder().overrideMessage("resource_not_found", "Nothing here.").build(),
				ErrorLinks.defaults());
		assertThat(overridden.create(AugnoException.of(ErrorCodes.RESOURCE_NOT_FOUND), null).message())
			.isEqualTo("Nothing here.");
	}

	@Test
	void anUnregisteredCodeConstantResolvesToItself() {
		ErrorCode custom = ErrorCode.of("plan_locked", 423, ErrorType.INVALID_REQUEST_ERROR, false, "Locked.")
			.withDocUrl("https://example.com/errors/plan_locked");
		AugnoError error = this.factory.create(AugnoException.of(custom), null);
		assertThat(error.code()).isEqualTo("plan_locked");
		assertThat(error.docUrl()).isEqualTo("https://example.com/errors/plan_locked");
		assertThat(this.factory.resolve(AugnoException.of(custom)).status()).isEqualTo(423);
	}

	@Test
	void anUnknownCodeStringFailsWithSuggestions() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.factory.create(AugnoException.of("resource_not_fuond"), null))
			.withMessageContaining("did you mean 'resource_not_found'");
	}

}
