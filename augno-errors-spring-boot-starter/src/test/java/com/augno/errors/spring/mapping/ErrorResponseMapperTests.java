package com.augno.errors.spring.mapping;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

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
	void theProblemDetailsPropertiesOfA4xxAreExtensionMembers() {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
		problem.setProperty("balance", 30);
		problem.setProperty("currency", "usd");
		MappedError mapped = this.mapper.map(new ErrorResponseException(HttpStatus.CONFLICT, problem, null));
		assertThat(mapped.members()).containsExactly(entry("balance", 30), entry("currency", "usd"));
		assertThat(this.mapper.map(new ErrorResponseException(HttpStatus.CONFLICT)).members()).isEmpty();
	}

	@Test
	void aServerErrorsPropertiesAreNotKept() {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
		problem.setProperty("host", "db-7.internal");
		assertThat(this.mapper.map(new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null)).members())
			.isEmpty();
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
