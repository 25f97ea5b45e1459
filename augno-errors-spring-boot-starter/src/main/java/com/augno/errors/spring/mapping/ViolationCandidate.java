package com.augno.errors.spring.mapping;

import java.util.Comparator;
import java.util.List;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import org.jspecify.annotations.Nullable;

/**
 * One violation a validation mapper could report, with what decides which one it reports.
 *
 * @param category missing, format or other
 * @param body whether it concerns a request body field rather than a parameter
 * @param parameterIndex the position of the handler method parameter
 * @param key the declaration-order key of the field within the parameter
 * @param param the JSON path or parameter name, or {@code null}
 * @param message the message
 * @param constraint the simple name of the failed constraint, which breaks ties between
 * violations of one field
 */
record ViolationCandidate(Constraint.Category category, boolean body, int parameterIndex, List<Integer> key,
		@Nullable String param, String message, String constraint) {

	private static final List<String> PRESENCE = List.of("NotNull", "NotBlank", "NotEmpty");

	/**
	 * Missing before format before other, then by parameter, then by declaration order;
	 * then, for several constraints failed by one value (which Bean Validation reports in
	 * no stable order), presence constraints first, then by constraint name and message.
	 */
	static final Comparator<ViolationCandidate> PREFERENCE = Comparator.comparing(ViolationCandidate::category)
		.thenComparingInt(ViolationCandidate::parameterIndex)
		.thenComparing(ViolationCandidate::key, JsonPropertyPaths::compareKeys)
		.thenComparingInt(ViolationCandidate::presenceRank)
		.thenComparing(ViolationCandidate::constraint)
		.thenComparing(ViolationCandidate::message);

	private int presenceRank() {
		int index = PRESENCE.indexOf(this.constraint);
		return (index >= 0) ? index : PRESENCE.size();
	}

	MappedError toMappedError() {
		return MappedError.of(code()).withParam(this.param).withMessage(this.message);
	}

	private ErrorCode code() {
		if (!this.body) {
			return (this.category == Constraint.Category.MISSING) ? ErrorCodes.PARAMETER_MISSING
					: ErrorCodes.PARAMETER_INVALID;
		}
		return switch (this.category) {
			case MISSING -> ErrorCodes.MISSING_FIELD;
			case FORMAT -> ErrorCodes.INVALID_FORMAT;
			case OTHER -> ErrorCodes.VALIDATION_FAILED;
		};
	}

}
