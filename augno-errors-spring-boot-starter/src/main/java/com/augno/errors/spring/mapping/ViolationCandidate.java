package com.augno.errors.spring.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

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
 * @param location where the value was sent
 * @param translation the key that translates the message, or {@code null}
 */
record ViolationCandidate(Constraint.Category category, boolean body, int parameterIndex, List<Integer> key,
		@Nullable String param, String message, String constraint, Violation.Location location,
		@Nullable MessageSourceResolvable translation) {

	ViolationCandidate(Constraint.Category category, boolean body, int parameterIndex, List<Integer> key,
			@Nullable String param, ConstraintMessages.Text text, String constraint, Violation.Location location) {
		this(category, body, parameterIndex, key, param, text.message(), constraint, location, text.translation());
	}

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

	/**
	 * Return the error of a failed validation: the preferred violation reported, every
	 * violation carried in order of preference.
	 * @param candidates the violations, in any order
	 * @return the error, {@code validation_failed} when there are none
	 */
	static MappedError toMappedError(List<ViolationCandidate> candidates) {
		if (candidates.isEmpty()) {
			return MappedError.of(ErrorCodes.VALIDATION_FAILED);
		}
		List<ViolationCandidate> ordered = new ArrayList<>(candidates);
		ordered.sort(PREFERENCE);
		List<Violation> violations = new ArrayList<>(ordered.size());
		for (ViolationCandidate candidate : ordered) {
			violations.add(candidate.toViolation());
		}
		return ordered.get(0).toMappedError().withViolations(violations);
	}

	MappedError toMappedError() {
		MappedError error = MappedError.of(code()).withParam(this.param);
		return (this.translation != null) ? error.withMessage(this.message, this.translation)
				: error.withMessage(this.message);
	}

	Violation toViolation() {
		return new Violation(this.param, this.location, this.constraint, this.message, code(), this.translation);
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
