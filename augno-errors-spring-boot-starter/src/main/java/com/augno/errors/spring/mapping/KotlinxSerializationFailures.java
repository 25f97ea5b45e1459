package com.augno.errors.spring.mapping;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import com.augno.errors.ErrorCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * What a kotlinx.serialization failure to read a request body says of the field at fault,
 * for an application whose JSON converter is kotlinx.serialization's rather than
 * Jackson's. Its exceptions carry the field only in their messages ("… at path:
 * $.lines[0]"), and a missing field in {@code MissingFieldException.getMissingFields()};
 * both are read without a class reference, so the library stays optional. A message of
 * another shape is left to the generic answer.
 *
 * @since 0.1.0
 */
final class KotlinxSerializationFailures {

	private static final Set<String> SERIALIZATION_EXCEPTION = Set.of("kotlinx.serialization.SerializationException");

	private static final String MISSING_FIELD_EXCEPTION = "kotlinx.serialization.MissingFieldException";

	private static final int MAX_DEPTH = 16;

	private KotlinxSerializationFailures() {
	}

	/**
	 * Return the error for a body kotlinx.serialization could not read.
	 * @param failure the converter's failure
	 * @return the error, or {@code null} when the chain holds no kotlinx.serialization
	 * failure whose field can be told
	 */
	static @Nullable MappedError map(Throwable failure) {
		Throwable serialization = Causes.first(failure, MAX_DEPTH,
				(link) -> ClassNames.isAny(link.getClass(), SERIALIZATION_EXCEPTION) ? link : null);
		return (serialization != null) ? mapFailure(serialization) : null;
	}

	private static @Nullable MappedError mapFailure(Throwable failure) {
		String message = (failure.getMessage() != null) ? failure.getMessage() : "";
		String at = pathIn(message);
		if (MISSING_FIELD_EXCEPTION.equals(failure.getClass().getName())) {
			String field = firstMissingField(failure);
			return (field != null) ? missing(join(at, field)) : null;
		}
		if (at == null) {
			return null;
		}
		String unknownKey = quotedAfter(message, "Encountered an unknown key '");
		if (unknownKey != null) {
			String path = join(at, unknownKey);
			return MappedError.of(ErrorCodes.VALIDATION_FAILED)
				.withParam(Echoes.param(path))
				.withMessage("Unknown field: " + Echoes.inMessage(path) + ".");
		}
		if (at.isEmpty()) {
			return null;
		}
		if (message.contains("'null' literal was found")) {
			return missing(at);
		}
		if (message.contains(": EOF ")) {
			return MappedError.of(ErrorCodes.VALIDATION_FAILED)
				.withParam(Echoes.param(at))
				.withMessage("The request body is not valid JSON.");
		}
		return MappedError.of(ErrorCodes.INVALID_FORMAT)
			.withParam(Echoes.param(at))
			.withMessage(Echoes.label(at) + " is not valid.")
			.withViolation(Violation.Location.BODY, "typeMismatch");
	}

	private static MappedError missing(String path) {
		return MappedError.of(ErrorCodes.MISSING_FIELD)
			.withParam(Echoes.param(path))
			.withMessage(Echoes.label(path) + " is required.")
			.withViolation(Violation.Location.BODY, "NotNull");
	}

	/**
	 * Return the path a message names ({@code at path: $.lines[0]}, or {@code at path
	 * $.color} for an unknown enum value) without its {@code $}: empty for the root,
	 * {@code null} when it names none.
	 */
	private static @Nullable String pathIn(String message) {
		int start = message.lastIndexOf(" at path");
		if (start < 0) {
			return null;
		}
		int dollar = message.indexOf('$', start);
		if (dollar < 0 || dollar > start + 12) {
			return null;
		}
		int end = dollar + 1;
		while (end < message.length() && !Character.isWhitespace(message.charAt(end))) {
			end++;
		}
		String path = message.substring(dollar + 1, end);
		return path.startsWith(".") ? path.substring(1) : path;
	}

	private static String join(String at, String field) {
		return at.isEmpty() ? field : at + "." + field;
	}

	private static @Nullable String quotedAfter(String message, String prefix) {
		int start = message.indexOf(prefix);
		if (start < 0) {
			return null;
		}
		start += prefix.length();
		int end = message.indexOf('\'', start);
		return (end > start) ? message.substring(start, end) : null;
	}

	private static @Nullable String firstMissingField(Throwable failure) {
		Method getter = ReflectionUtils.findMethod(failure.getClass(), "getMissingFields");
		if (getter == null) {
			return null;
		}
		try {
			return (ReflectionUtils.invokeMethod(getter, failure) instanceof List<?> fields && !fields.isEmpty()
					&& fields.get(0) instanceof String field) ? field : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
