package com.augno.errors.spring.mapping;

import java.util.Locale;

import com.augno.errors.ErrorCode;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * One failed constraint of a request: where it is, which constraint, and the message for
 * it. A validation failure carries all of them ({@link MappedError#violations()}), in the
 * order that puts the one the Augno envelope reports first; a format that lists
 * violations (problem details' {@code errors}) renders them all.
 *
 * @param param the JSON path of a body field ({@code items[0].sku}) or the name of a
 * parameter as the client sent it, or {@code null} for a violation of the whole object
 * @param location where the value was sent
 * @param constraint the simple name of the failed constraint, such as {@code NotNull} or
 * {@code Size}; {@code typeMismatch} for a value that could not be converted
 * @param message the message, safe to show to end users
 * @param code the code this violation alone would be reported with, such as
 * {@code missing_field} or {@code parameter_invalid}
 * @param translation the message key and arguments that translate {@code message} into
 * the request's language (the key's message is a {@link java.text.MessageFormat}
 * pattern), or {@code null} when the message cannot be translated, as one the
 * constraint's author wrote
 * @since 0.1.0
 */
public record Violation(@Nullable String param, Location location, String constraint, String message, ErrorCode code,
		@Nullable MessageSourceResolvable translation) {

	/**
	 * Create a violation whose message is not translated.
	 * @param param the JSON path or parameter name, or {@code null}
	 * @param location where the value was sent
	 * @param constraint the simple name of the failed constraint
	 * @param message the message
	 * @param code the code this violation alone would be reported with
	 */
	public Violation(@Nullable String param, Location location, String constraint, String message, ErrorCode code) {
		this(param, location, constraint, message, code, null);
	}

	/**
	 * Return a copy with another message, as for a translation.
	 * @param message the message
	 * @return the copy
	 */
	public Violation withMessage(String message) {
		return new Violation(this.param, this.location, this.constraint, message, this.code, this.translation);
	}

	/**
	 * Where a value that failed was sent.
	 */
	public enum Location {

		/**
		 * A field of the request body, or of a bean validated by hand.
		 */
		BODY,

		/**
		 * A query parameter or form field.
		 */
		QUERY,

		/**
		 * A path variable.
		 */
		PATH,

		/**
		 * A request header.
		 */
		HEADER,

		/**
		 * A cookie.
		 */
		COOKIE;

		/**
		 * Return the lower-case name, as FastAPI's {@code loc} and OpenAPI's {@code in}
		 * write it.
		 * @return {@code body}, {@code query}, {@code path}, {@code header} or
		 * {@code cookie}
		 */
		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
