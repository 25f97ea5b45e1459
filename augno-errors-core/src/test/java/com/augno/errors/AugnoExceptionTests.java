package com.augno.errors;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class AugnoExceptionTests {

	@Test
	void chainableMethodsReturnTheSameException() {
		AugnoException exception = AugnoException.of("limit_exceeded");
		assertThat(exception.message("Too many sandboxes.")).isSameAs(exception);
		assertThat(exception.param("sandbox")).isSameAs(exception);
		assertThat(exception.quota(5, 5, null)).isSameAs(exception);
		assertThat(exception.type(ErrorType.INVALID_REQUEST_ERROR)).isSameAs(exception);
		assertThat(exception.retryAfter(Duration.ofSeconds(30))).isSameAs(exception);
		assertThat(exception.message()).isEqualTo("Too many sandboxes.");
		assertThat(exception.param()).isEqualTo("sandbox");
		assertThat(exception.quota()).isEqualTo(new Quota(5, 5, null));
		assertThat(exception.type()).isEqualTo(ErrorType.INVALID_REQUEST_ERROR);
		assertThat(exception.retryAfter()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void getMessageCarriesCodeMessageTypeAndParamForLogs() {
		assertThat(AugnoException.of("resource_not_found").getMessage()).isEqualTo("resource_not_found");
		assertThat(AugnoException.of("validation_failed")
			.message("Idempotency key reused.")
			.type(ErrorType.IDEMPOTENCY_ERROR)
			.param("email")
			.getMessage())
			.isEqualTo("validation_failed: Idempotency key reused. [type=idempotency_error] [param=email]");
		assertThat(AugnoException.of("resource_not_found").message("Gone."))
			.hasToString("com.augno.errors.AugnoException: resource_not_found: Gone.");
	}

	@Test
	void aClientErrorWithoutCauseRecordsNoStackTrace() {
		assertThat(AugnoException.of("resource_not_found").getStackTrace()).isEmpty();
		assertThat(AugnoException.of(ErrorCodes.RATE_LIMIT_EXCEEDED).getStackTrace()).isEmpty();
	}

	@Test
	void aServerErrorRecordsItsStackTrace() {
		assertThat(AugnoException.of("service_unavailable").getStackTrace()).isNotEmpty();
		assertThat(AugnoException.of(ErrorCodes.INTERNAL_ERROR).getStackTrace()).isNotEmpty();
	}

	@Test
	void anExceptionWithACauseRecordsItsStackTrace() {
		IllegalStateException cause = new IllegalStateException("db down");
		AugnoException exception = AugnoException.of("resource_not_found", cause);
		assertThat(exception.getStackTrace()).isNotEmpty();
		assertThat(exception).hasCause(cause);
		assertThat(AugnoException.of(ErrorCodes.TIMEOUT, cause).getCause()).isSameAs(cause);
	}

	@Test
	void aCodeOnlyTheServiceKnowsRecordsItsStackTrace() {
		assertThat(AugnoException.of("ledger_locked").getStackTrace()).isNotEmpty();
	}

	@Test
	void aCustomClientErrorCodeRecordsNoStackTrace() {
		ErrorCode custom = ErrorCode.of("plan_locked", 409, ErrorType.INVALID_REQUEST_ERROR, false, "Locked.");
		assertThat(AugnoException.of(custom).getStackTrace()).isEmpty();
		assertThat(AugnoException.of(custom).errorCode()).isSameAs(custom);
	}

	@Test
	void rejectsMalformedCodesAtTheThrowSite() {
		assertThatIllegalArgumentException().isThrownBy(() -> AugnoException.of("Resource Not Found"))
			.withMessageContaining(ErrorCode.CODE_SYNTAX.pattern());
	}

	@Test
	void rejectsNegativeRetryAfterAndQuota() {
		AugnoException exception = AugnoException.of("rate_limit_exceeded");
		assertThatIllegalArgumentException().isThrownBy(() -> exception.retryAfter(Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> exception.quota(-1, 0, Instant.EPOCH));
	}

	@Test
	void subclassesNameTheirCode() {
		final class ApiKeyRevokedException extends AugnoException {

			private static final long serialVersionUID = 1L;

			ApiKeyRevokedException() {
				super(ErrorCodes.API_KEY_REVOKED.code(), ErrorCodes.API_KEY_REVOKED, null);
			}

		}
		assertThat(new ApiKeyRevokedException().code()).isEqualTo("api_key_revoked");
	}

	@Test
	void extensionMembersKeepTheirOrderAndTheLastValue() {
		AugnoException exception = AugnoException.of("rate_limit_exceeded")
			.member("tier", "free")
			.member("limit", 100)
			.member("tier", "public_key");
		assertThat(exception.members()).containsExactly(entry("tier", "public_key"), entry("limit", 100));
		assertThat(AugnoException.of("rate_limit_exceeded").members()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> exception.member(" ", "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> exception.member("tier", null));
	}

	@Test
	void membersCannotBeChangedThroughTheView() {
		AugnoException exception = AugnoException.of("rate_limit_exceeded").member("tier", "free");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> exception.members().put("tier", "paid"));
	}

	@Test
	void messageKeyKeepsACopyOfItsArguments() {
		Object[] arguments = { "st_1" };
		AugnoException exception = AugnoException.of("resource_not_found")
			.message("Shipping term st_1 not found.")
			.messageKey("shipping.term_not_found", arguments);
		arguments[0] = "changed";
		assertThat(exception.messageKey()).isEqualTo("shipping.term_not_found");
		assertThat(exception.messageArguments()).containsExactly("st_1");
		assertThat(AugnoException.of("resource_not_found").messageKey()).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> exception.messageKey(""));
	}

}
