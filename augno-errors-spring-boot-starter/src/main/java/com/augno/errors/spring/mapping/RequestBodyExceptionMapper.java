package com.augno.errors.spring.mapping;

import java.util.List;

import com.augno.errors.ErrorCodes;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Maps a request body that could not be read ({@link HttpMessageNotReadableException}):
 * malformed JSON, a missing body and exceeded parser limits give
 * {@code validation_failed}; a value of the wrong type or format gives
 * {@code invalid_format} naming its JSON path (and, for an enum, the JSON values it
 * accepts); a null or absent value where a primitive is required gives
 * {@code missing_field}; an unknown field (when the application's mapper rejects them)
 * gives {@code validation_failed} naming it. The parser's own text never reaches the
 * client.
 *
 * @since 0.1.0
 */
public final class RequestBodyExceptionMapper implements ExceptionMapper {

	private final JsonEnumValues enumValues;

	/**
	 * Create a mapper that names the values of an enum as a default {@link JsonMapper}
	 * reads them.
	 */
	public RequestBodyExceptionMapper() {
		this(JsonMapper.builder().build());
	}

	/**
	 * Create a mapper that names the values of an enum as the application's mapper reads
	 * them ({@code @JsonProperty}, {@code @JsonValue}, enum naming strategies).
	 * @param mapper the mapper that reads request bodies
	 */
	public RequestBodyExceptionMapper(ObjectMapper mapper) {
		this.enumValues = new JsonEnumValues(mapper);
	}

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (!(throwable instanceof HttpMessageNotReadableException ex)) {
			return null;
		}
		Throwable cause = ex.getCause();
		if (cause == null) {
			// Spring MVC's missing body, or a converter that could not read the body at
			// all (Spring Data REST's "No suitable HttpMessageConverter" for text/plain).
			return invalid(null,
					isMissingBody(ex) ? "The request body is required." : "The request body could not be read.");
		}
		if (cause instanceof StreamConstraintsException) {
			return invalid(null, "The request body exceeds the parser's size or nesting limits.");
		}
		if (cause instanceof UnrecognizedPropertyException unrecognized) {
			String path = path(unrecognized.getPath());
			return invalid(path, "Unknown field: " + path + ".");
		}
		if (cause instanceof MismatchedInputException mismatched) {
			String path = path(mismatched.getPath());
			if (path == null) {
				return invalid(null, isEmptyInput(mismatched) ? "The request body is required."
						: "The request body does not have the expected structure.");
			}
			if (isNullValue(mismatched)) {
				return MappedError.of(ErrorCodes.MISSING_FIELD)
					.withParam(path)
					.withMessage(Labels.of(path) + " is required.")
					.withViolation(Violation.Location.BODY, "NotNull");
			}
			Class<?> target = (mismatched instanceof InvalidFormatException format) ? format.getTargetType()
					: mismatched.getTargetType();
			return MappedError.of(ErrorCodes.INVALID_FORMAT)
				.withParam(path)
				.withMessage(Labels.of(path) + " " + mustBe(target) + ".")
				.withViolation(Violation.Location.BODY, "typeMismatch");
		}
		if (cause instanceof InputCoercionException coercion && path(coercion.getPath()) != null) {
			// Valid JSON whose number does not fit the field's type, such as 1e400 for an
			// int.
			String path = path(coercion.getPath());
			return MappedError.of(ErrorCodes.INVALID_FORMAT)
				.withParam(path)
				.withMessage(Labels.of(path) + " is out of range for "
						+ TypeDescriptions.aValueOf(coercion.getTargetType()) + ".")
				.withViolation(Violation.Location.BODY, "typeMismatch");
		}
		if (cause instanceof StreamReadException streamRead) {
			return invalid(path(streamRead.getPath()), "The request body is not valid JSON.");
		}
		if (cause instanceof JacksonException jackson) {
			return invalid(path(jackson.getPath()), "The request body is not valid.");
		}
		MappedError kotlinx = KotlinxSerializationFailures.map(cause);
		return (kotlinx != null) ? kotlinx : invalid(null, "The request body could not be read.");
	}

	private static boolean isMissingBody(HttpMessageNotReadableException ex) {
		String message = ex.getMessage();
		return message == null || message.startsWith("Required request body is missing");
	}

	@Override
	public int getOrder() {
		return VALIDATION_ORDER;
	}

	private String mustBe(@Nullable Class<?> target) {
		return (target != null && target.isEnum()) ? TypeDescriptions.mustBeOneOf(this.enumValues.of(target))
				: TypeDescriptions.mustBe(target);
	}

	private static MappedError invalid(@Nullable String param, String message) {
		return MappedError.of(ErrorCodes.VALIDATION_FAILED).withParam(param).withMessage(message);
	}

	/**
	 * Whether a value was refused for being null or absent: a {@code null} (or, for a
	 * record or creator, an absent property) where a primitive is expected and
	 * {@code FAIL_ON_NULL_FOR_PRIMITIVES} is on, as it is by default in Jackson 3; a
	 * property whose nulls fail ({@code @JsonSetter(nulls = Nulls.FAIL)}); or a required
	 * creator property left out (a Kotlin data class's non-null one without a default, or
	 * one marked {@code @JsonProperty(required = true)}).
	 */
	private static boolean isNullValue(MismatchedInputException ex) {
		if (ex instanceof InvalidNullException) {
			return true;
		}
		String message = ex.getOriginalMessage();
		return message != null && (message.startsWith("Cannot map `null` into type")
				|| message.startsWith("Missing required creator property"));
	}

	private static boolean isEmptyInput(MismatchedInputException ex) {
		String message = ex.getOriginalMessage();
		return message != null && message.startsWith("No content to map");
	}

	private static @Nullable String path(List<JacksonException.Reference> references) {
		if (references.isEmpty()) {
			return null;
		}
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			String name = reference.getPropertyName();
			if (name != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(name);
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
			if (path.length() > Echoes.MAX_LENGTH) {
				return Echoes.param(path.toString());
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

}
