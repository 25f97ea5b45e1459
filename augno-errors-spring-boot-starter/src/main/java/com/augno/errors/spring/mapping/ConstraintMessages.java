package com.augno.errors.spring.mapping;

import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Writes the message of a failed constraint the way the contract's examples read: "Name
 * is required.", "Email must be a valid email address.", "Limit must be greater than
 * zero.". A message the constraint's author wrote wins.
 * <p>
 * Each message has a key under {@value #PREFIX} that translates it, with the field's
 * label as {@code {0}} and the constraint's bounds as {@code {1}} and {@code {2}}:
 * {@code augno.errors.constraint.required={0} is required.}
 *
 * @since 0.1.0
 */
final class ConstraintMessages {

	/**
	 * The prefix of the keys of constraint messages.
	 */
	static final String PREFIX = "augno.errors.constraint.";

	private ConstraintMessages() {
	}

	static String of(Constraint constraint, String label) {
		return text(constraint, label).message();
	}

	/**
	 * Return the message of a failed constraint with the key that translates it.
	 * @param constraint the constraint
	 * @param label the words naming the field or parameter
	 * @return the English message, and its key unless the constraint's author wrote it
	 */
	static Text text(Constraint constraint, String label) {
		if (constraint.explicitMessage() != null) {
			return new Text(constraint.explicitMessage(), null);
		}
		Object value = constraint.rejectedValue();
		Map<String, Object> attributes = constraint.attributes();
		return switch (constraint.name()) {
			case "NotNull" -> text(label, "required", "is required.");
			case "NotBlank" -> (value == null) ? text(label, "required", "is required.")
					: text(label, "not-blank", "must not be blank.");
			case "NotEmpty" -> (value == null) ? text(label, "required", "is required.")
					: text(label, "not-empty", "must not be empty.");
			case "Null" -> text(label, "null", "must not be set.");
			case "Email" -> text(label, "email", "must be a valid email address.");
			case "Pattern" -> text(label, "pattern", "has an invalid format.");
			case "URL" -> text(label, "url", "must be a valid URL.");
			case "UUID" -> text(label, "uuid", "must be a valid UUID.");
			case "Positive" -> text(label, "positive", "must be greater than zero.");
			case "PositiveOrZero" -> text(label, "positive-or-zero", "must be zero or greater.");
			case "Negative" -> text(label, "negative", "must be less than zero.");
			case "NegativeOrZero" -> text(label, "negative-or-zero", "must be zero or less.");
			case "Min" -> bound(label, "min", "must be at least ", attributes.get("value"));
			case "Max" -> bound(label, "max", "must be at most ", attributes.get("value"));
			case "DecimalMin" ->
				inclusive(attributes) ? bound(label, "min", "must be at least ", attributes.get("value"))
						: bound(label, "greater-than", "must be greater than ", attributes.get("value"));
			case "DecimalMax" ->
				inclusive(attributes) ? bound(label, "max", "must be at most ", attributes.get("value"))
						: bound(label, "less-than", "must be less than ", attributes.get("value"));
			case "Size", "Length" -> size(label, value, attributes.get("min"), attributes.get("max"));
			case "Range" ->
				text(label, "range", "must be between " + attributes.get("min") + " and " + attributes.get("max") + ".",
						attributes.get("min"), attributes.get("max"));
			case "Digits" -> text(label, "digits",
					"must have at most " + attributes.get("integer") + " integer digits and "
							+ attributes.get("fraction") + " decimal digits.",
					attributes.get("integer"), attributes.get("fraction"));
			case "Past" -> text(label, "past", "must be in the past.");
			case "PastOrPresent" -> text(label, "past-or-present", "must not be in the future.");
			case "Future" -> text(label, "future", "must be in the future.");
			case "FutureOrPresent" -> text(label, "future-or-present", "must not be in the past.");
			case "AssertTrue" -> text(label, "assert-true", "must be true.");
			case "AssertFalse" -> text(label, "assert-false", "must be false.");
			case "typeMismatch" -> text(label, "type-mismatch", "has an invalid value.");
			default -> text(label, "invalid", "is not valid.");
		};
	}

	/**
	 * Return the message of a required value that is missing (a request parameter, a path
	 * variable, a part), under the key of {@code @NotNull}'s.
	 * @param label the value's label
	 * @return the message and its key
	 */
	static Text required(String label) {
		return text(label, "required", "is required.");
	}

	/**
	 * Return the key of a value of the wrong type, for a message the caller words.
	 * @param label the value's label
	 * @return the key and its argument
	 */
	static MessageSourceResolvable typeMismatch(String label) {
		return new DefaultMessageSourceResolvable(new String[] { PREFIX + "type-mismatch" }, new Object[] { label });
	}

	/**
	 * The English message is the label and the phrase; the arguments of the key are the
	 * label and the bounds, as strings so that a translation does not group their digits.
	 */
	private static Text text(String label, String key, String phrase, @Nullable Object... bounds) {
		Object[] arguments = new Object[1 + bounds.length];
		arguments[0] = label;
		for (int i = 0; i < bounds.length; i++) {
			arguments[i + 1] = String.valueOf(bounds[i]);
		}
		return new Text(label + " " + phrase,
				new DefaultMessageSourceResolvable(new String[] { PREFIX + key }, arguments));
	}

	private static boolean inclusive(Map<String, Object> attributes) {
		return !Boolean.FALSE.equals(attributes.get("inclusive"));
	}

	private static Text bound(String label, String key, String phrase, @Nullable Object bound) {
		return (bound != null) ? text(label, key, phrase + bound + ".", bound)
				: text(label, "out-of-range", "is out of range.");
	}

	private static Text size(String label, @Nullable Object value, @Nullable Object min, @Nullable Object max) {
		if (!(min instanceof Integer low) || !(max instanceof Integer high)) {
			return text(label, "size", "has an invalid size.");
		}
		boolean text = !(value instanceof Collection<?> || value instanceof Map<?, ?>
				|| (value != null && value.getClass().isArray()));
		String unit = text ? " characters" : " items";
		String verb = text ? "must be " : "must contain ";
		String tail = text ? " long." : ".";
		String kind = text ? ".characters" : ".items";
		if (low > 0 && high < Integer.MAX_VALUE) {
			return text(label, "size.between" + kind, verb + "between " + low + " and " + high + unit + tail, low,
					high);
		}
		if (low > 0) {
			return text(label, "size.at-least" + kind, verb + "at least " + low + unit + tail, low);
		}
		return text(label, "size.at-most" + kind, verb + "at most " + high + unit + tail, high);
	}

	/**
	 * A message with the key that translates it.
	 *
	 * @param message the English message
	 * @param translation the key and its arguments, or {@code null} for a message the
	 * constraint's author wrote
	 */
	record Text(String message, @Nullable MessageSourceResolvable translation) {

	}

}
