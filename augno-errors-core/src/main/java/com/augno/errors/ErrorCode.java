package com.augno.errors;

import java.io.Serializable;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the {@link ErrorRegistry}: a wire code with the HTTP status, type,
 * transience and default message that go with it.
 * <p>
 * The 33 codes of the Augno contract are constants of {@link ErrorCodes}; a service
 * defines its own codes with {@link #of(String, int, ErrorType, boolean, String)}. The
 * HTTP status is a plain {@code int} so that this module needs no web framework.
 *
 * @param code the wire code: {@code ^[a-z][a-z0-9_]*$} in the Augno contract, which the
 * {@link ErrorRegistry} enforces by default; any {@link #CODE_SYNTAX token} for another
 * contract
 * @param status the HTTP status, from 400 to 599
 * @param type the type the code is reported with unless the thrower overrides it
 * @param isTransient whether retrying may succeed, for this code with its own
 * {@code type}
 * @param message the message used when the thrower gives none; safe to show to end users
 * @param docUrl a full documentation URL replacing the default {@code base#code} link, or
 * {@code null} for the default
 * @since 0.1.0
 */
public record ErrorCode(String code, int status, ErrorType type, boolean isTransient, String message,
		@Nullable String docUrl) implements Serializable {

	/**
	 * The syntax of the Augno contract's codes: lower snake case.
	 */
	public static final Pattern AUGNO_CODE_SYNTAX = Pattern.compile("^[a-z][a-z0-9_]*$");

	/**
	 * What any code must be, whatever the contract: a letter, then letters, digits,
	 * {@code _}, {@code -} or {@code .}, at most 100 characters, so that it is safe in a
	 * JSON string, a URL fragment and a log line. {@code AUTH-401} and
	 * {@code VALIDATION_ERROR} are codes; a contract narrows this with
	 * {@link ErrorRegistry.Builder#codeSyntax}.
	 */
	public static final Pattern CODE_SYNTAX = Pattern.compile("^[A-Za-z][A-Za-z0-9_.-]{0,99}$");

	/**
	 * Validate the components.
	 * @throws IllegalArgumentException if the code does not match {@link #CODE_SYNTAX},
	 * the status is outside 400..599 or the message is blank
	 */
	public ErrorCode {
		if (!isValidCode(code)) {
			throw new IllegalArgumentException("Error code '" + code + "' must match " + CODE_SYNTAX.pattern()
					+ " (a letter, then letters, digits, '_', '-' or '.')");
		}
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException(
					"Error code '" + code + "' has HTTP status " + status + "; an error status is 400 to 599");
		}
		if (type == null) {
			throw new IllegalArgumentException("Error code '" + code + "' needs a type");
		}
		if (message == null || message.isBlank()) {
			throw new IllegalArgumentException("Error code '" + code + "' needs a default message");
		}
		if (docUrl != null && docUrl.isBlank()) {
			throw new IllegalArgumentException("Error code '" + code + "' has a blank doc URL");
		}
	}

	/**
	 * Return whether a string has the form of a wire code of any contract,
	 * {@link #CODE_SYNTAX}. Checked character by character rather than with the pattern:
	 * every {@link AugnoException} checks its code when it is created.
	 * @param code the candidate
	 * @return whether it is a valid code
	 */
	static boolean isValidCode(@Nullable String code) {
		if (code == null || code.isEmpty() || code.length() > 100 || !isAsciiLetter(code.charAt(0))) {
			return false;
		}
		for (int i = 1; i < code.length(); i++) {
			char c = code.charAt(i);
			if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '.' && c != '-') {
				return false;
			}
		}
		return true;
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	/**
	 * Create a code that links to the default documentation anchor.
	 * @param code the wire code
	 * @param status the HTTP status, from 400 to 599
	 * @param type the type
	 * @param isTransient whether retrying may succeed
	 * @param message the default message
	 * @return the code
	 */
	public static ErrorCode of(String code, int status, ErrorType type, boolean isTransient, String message) {
		return new ErrorCode(code, status, type, isTransient, message, null);
	}

	/**
	 * Return whether an error with this code, reported with the given type, is transient.
	 * Transience belongs to the (code, type) pair: a code is transient only with its own
	 * type, so {@code validation_failed} reported as {@code idempotency_error} (a reused
	 * idempotency key) is not transient, as the contract says.
	 * @param reportedType the type the error is reported with
	 * @return whether retrying may succeed
	 */
	public boolean isTransient(ErrorType reportedType) {
		return this.isTransient && reportedType == this.type;
	}

	/**
	 * Return a copy with another default message.
	 * @param message the new default message
	 * @return the copy
	 */
	public ErrorCode withMessage(String message) {
		return new ErrorCode(this.code, this.status, this.type, this.isTransient, message, this.docUrl);
	}

	/**
	 * Return a copy that links to the given documentation URL instead of the default
	 * anchor.
	 * @param docUrl the full URL, or {@code null} for the default anchor
	 * @return the copy
	 */
	public ErrorCode withDocUrl(@Nullable String docUrl) {
		return new ErrorCode(this.code, this.status, this.type, this.isTransient, this.message, docUrl);
	}

}
