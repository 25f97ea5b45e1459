package com.augno.errors.spring.versioning;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.web.accept.ApiVersionParser;

/**
 * Parses API versions that are ISO dates ({@code 2024-06-01}), which Spring's default
 * semantic-version parser rejects. Parsing is strict: {@code 2024-02-30} and
 * {@code 2024-6-1} are not versions.
 *
 * @since 0.1.0
 */
public final class DateApiVersionParser implements ApiVersionParser<DateApiVersionParser.DateVersion> {

	private static final int MAX_LENGTH = 10;

	@Override
	public DateVersion parseVersion(String version) {
		if (version.length() != MAX_LENGTH) {
			throw new IllegalArgumentException("An API version is a date such as 2024-06-01");
		}
		return new DateVersion(LocalDate.parse(version, DateTimeFormatter.ISO_LOCAL_DATE));
	}

	/**
	 * An API version that is a date; it prints as the ISO date.
	 *
	 * @param date the date
	 */
	public record DateVersion(LocalDate date) implements Comparable<DateVersion> {

		@Override
		public int compareTo(DateVersion other) {
			return this.date.compareTo(other.date);
		}

		@Override
		public String toString() {
			return this.date.toString();
		}

	}

}
