package com.augno.errors.spring.mapping;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message {@link ErrorResponseMapper} keeps from an {@code ErrorResponse}: the
 * application's own reason or problem detail for a 4xx, never the framework's text nor
 * anything of a 5xx.
 */
class ErrorResponseMapperTests {

	private final ErrorResponseMapper mapper = new ErrorResponseMapper();

	@Test
	void theProblemDetailOfAnErrorResponseExceptionIsTheMessageOfA4xx() {
		ErrorResponseException thrown = new ErrorResponseException(HttpStatus.CONFLICT,
				ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The shipment was already sent."), null);
		MappedError mapped = this.mapper.map(thrown);
		assertThat(mapped.code().code()).isEqualTo("resource_conflict");
		assertThat(mapped.message()).isEqualTo("The shipment was already sent.");
	}

	@Test
	void anErrorResponseExceptionWithoutDetailGetsTheCodesMessage() {
		assertThat(this.mapper.map(new ErrorResponseException(HttpStatus.CONFLICT)).message()).isNull();
	}

	@Test
	void theReasonOfAResponseStatusExceptionIsTheMessageOfA4xx() {
		assertThat(this.mapper.map(new ResponseStatusException(HttpStatus.GONE, "The label expired.")).message())
			.isEqualTo("The label expired.");
	}

	@Test
	void aServerErrorKeepsNoDetailAndSpringsOwnTextIsNeverRepeated() {
		ErrorResponseException crash = new ErrorResponseException(HttpStatus.INTERNAL_SERVER_ERROR,
				ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "SELECT * FROM ledger failed"),
				null);
		assertThat(this.mapper.map(crash).message()).isNull();
		assertThat(this.mapper.map(new ServerWebInputException("Failed to read HTTP message")).message()).isNull();
	}

}
