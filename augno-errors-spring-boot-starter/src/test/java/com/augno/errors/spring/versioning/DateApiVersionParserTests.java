package com.augno.errors.spring.versioning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DateApiVersionParserTests {

	private final DateApiVersionParser parser = new DateApiVersionParser();

	@Test
	void parsesAnIsoDateThatPrintsAsItself() {
		DateApiVersionParser.DateVersion version = this.parser.parseVersion("2024-06-01");
		assertThat(version.date()).isEqualTo(LocalDate.of(2024, 6, 1));
		assertThat(version).hasToString("2024-06-01");
	}

	@Test
	void ordersVersionsByDate() {
		assertThat(this.parser.parseVersion("2024-12-31")).isLessThan(this.parser.parseVersion("2025-01-01"));
	}

	@Test
	void rejectsADayThatDoesNotExist() {
		assertThatExceptionOfType(DateTimeParseException.class)
			.isThrownBy(() -> this.parser.parseVersion("2024-02-30"));
	}

	@Test
	void rejectsAnythingButTheIsoForm() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parseVersion("2024-6-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parseVersion("1.0"));
	}

}
