package com.augno.errors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code that stands for a status, and the status an error is answered with when its
 * failure carried one.
 */
class StatusCodesTests {

	@Test
	void aStatusWithACodeOfItsOwnGetsThatCodeAndOthersTheNearest() {
		assertThat(StatusCodes.forStatus(404)).isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND);
		assertThat(StatusCodes.forStatus(412)).isEqualTo(FrameworkCodes.PRECONDITION_FAILED);
		assertThat(StatusCodes.forStatus(422)).isEqualTo(ErrorCodes.VALIDATION_FAILED);
		assertThat(StatusCodes.forStatus(501)).isEqualTo(ErrorCodes.INTERNAL_ERROR);
		assertThat(StatusCodes.forStatus(200)).isEqualTo(ErrorCodes.INTERNAL_ERROR);
	}

	@Test
	void aCarriedStatusNoCodeStandsForIsKeptWithTheCodeItFallsBackTo() {
		assertThat(StatusCodes.answerStatus(ErrorCodes.VALIDATION_FAILED, 400, () -> 422)).isEqualTo(422);
		assertThat(StatusCodes.answerStatus(ErrorCodes.VALIDATION_FAILED, 400, () -> 418)).isEqualTo(418);
		assertThat(StatusCodes.answerStatus(ErrorCodes.INTERNAL_ERROR, 500, () -> 501)).isEqualTo(501);
	}

	@Test
	void otherwiseTheCodesOwnStatusIsAnsweredWith() {
		// A status with a code of its own, no status, a status that is no error.
		assertThat(StatusCodes.answerStatus(ErrorCodes.VALIDATION_FAILED, 400, () -> 400)).isEqualTo(400);
		assertThat(StatusCodes.answerStatus(ErrorCodes.INTERNAL_ERROR, 500, () -> -1)).isEqualTo(500);
		assertThat(StatusCodes.answerStatus(ErrorCodes.INTERNAL_ERROR, 500, () -> 302)).isEqualTo(500);
		// A code the carried status does not fall back to: a mapper chose it on purpose.
		assertThat(StatusCodes.answerStatus(ErrorCodes.VALIDATION_FAILED, 400, () -> 501)).isEqualTo(400);
		assertThat(StatusCodes.answerStatus(ErrorCodes.REQUEST_TIMEOUT, 408, () -> 503)).isEqualTo(408);
	}

	@Test
	void theCarriedStatusIsAskedOnlyForTheTwoFallbackCodes() {
		assertThat(StatusCodes.answerStatus(ErrorCodes.RESOURCE_NOT_FOUND, 404, () -> {
			throw new AssertionError("asked");
		})).isEqualTo(404);
	}

}
