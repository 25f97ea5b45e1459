package com.augno.errors.spring.mapping;

import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes the message of a failed constraint the way the contract's examples read: "Name
 * is required.", "Email must be a valid email address.", "Limit must be greater than
 * zero.". A message the constraint's author wrote wins.
 *
 * @since 0.1.0
 */
final class ConstraintMessages {

	private ConstraintMessages() {
	}

	static String of(Constraint constraint, String label) {
		if (constraint.explicitMessage() != null) {
			return constraint.explicitMessage();
		}
		Object value = constraint.rejectedValue();
		Map<String, Object> attributes = constraint.attributes();
		return label + " " + switch (constraint.name()) {
			case "NotNull" -> "is required.";
			case "NotBlank" -> (value == null) ? "is required." : "must not be blank.";
			case "NotEmpty" -> (value == null) ? "is required." : "must not be empty.";
			case "Null" -> "must not be set.";
			case "Email" -> "must be a valid email address.";
			case "Pattern" -> "has an invalid format.";
			case "URL" -> "must be a valid URL.";
			case "UUID" -> "must be a valid UUID.";
			case "Positive" -> "must be greater than zero.";
			case "PositiveOrZero" -> "must be zero or greater.";
			case "Negative" -> "must be less than zero.";
			case "NegativeOrZero" -> "must be zero or less.";
			case "Min" -> bound("must be at least ", attributes.get("value"));
			case "Max" -> bound("must be at most ", attributes.get("value"));
			case "DecimalMin" ->
				bound(inclusive(attributes) ? "must be at least " : "must be greater than ", attributes.get("value"));
			case "DecimalMax" ->
				bound(inclusive(attributes) ? "must be at most " : "must be less than ", attributes.get("value"));
			case "Size", "Length" -> size(value, attributes.get("min"), attributes.get("max"));
			case "Range" -> "must be between " + attributes.get("min") + " and " + attributes.get("max") + ".";
			case "Digits" -> "must have at most " + attributes.get("integer") + " integer digits and "
					+ attributes.get("fraction") + " decimal digits.";
			case "Past" -> "must be in the past.";
			case "PastOrPresent" -> "must not be in the future.";
			case "Future" -> "must be in the future.";
			case "FutureOrPresent" -> "must not be in the past.";
			case "AssertTrue" -> "must be true.";
			case "AssertFalse" -> "must be false.";
			case "typeMismatch" -> "has an invalid value.";
			default -> "is not valid.";
		};
	}

	private static boolean inclusive(Map<String, Object> attributes) {
		return !Boolean.FALSE.equals(attributes.get("inclusive"));
	}

	private static String bound(String phrase, @Nullable Object bound) {
		return (bound != null) ? phrase + bound + "." : "is out of range.";
	}

	private static String size(@Nullable Object value, @Nullable Object min, @Nullable Object max) {
		if (!(min instanceof Integer low) || !(max instanceof Integer high)) {
			return "has an invalid size.";
		}
		boolean text = !(value instanceof Collection<?> || value instanceof Map<?, ?>
				|| (value != null && value.getClass().isArray()));
		String unit = text ? " characters" : " items";
		String verb = text ? "must be " : "must contain ";
		String tail = text ? " long." : ".";
		if (low > 0 && high < Integer.MAX_VALUE) {
			return verb + "between " + low + " and " + high + unit + tail;
		}
		if (low > 0) {
			return verb + "at least " + low + unit + tail;
		}
		return verb + "at most " + high + unit + tail;
	}

}
