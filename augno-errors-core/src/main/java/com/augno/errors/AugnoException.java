package com.augno.errors;

import java.io.Serial;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What application code throws to answer with an Augno error. <pre class="code">
 * throw AugnoException.of("resource_not_found").message("Shipping term not found.");
 * throw AugnoException.of(ErrorCodes.LIMIT_EXCEEDED).quota(5, 5, null);
 * </pre>
 * <p>
 * The exception carries a code, not an HTTP status: the {@link ErrorRegistry} decides the
 * status, type and transience. A code given as a string is resolved when the error is
 * rendered, so codes a service defines in its configuration work too. The chainable
 * methods describe the error at the throw site and return this same exception; it is not
 * meant to be changed after it is thrown.
 * <p>
 * It is cheap to throw for client errors: it records no stack trace unless a cause is
 * attached or its code is a server error (5xx), or is a string this class does not know
 * to be a 4xx. A 4xx is an expected answer whose throw site adds nothing to a log, and
 * filling in the stack is the largest part of an exception's cost; a server error keeps
 * its trace because that is what the log needs to find the failure.
 *
 * @since 0.1.0
 */
public class AugnoException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final Object[] NO_ARGUMENTS = {};

	private final String code;

	private final @Nullable ErrorCode errorCode;

	private @Nullable String message;

	private @Nullable String param;

	private @Nullable Quota quota;

	private @Nullable ErrorType type;

	private @Nullable Duration retryAfter;

	private @Nullable LinkedHashMap<String, Object> members;

	private @Nullable String messageKey;

	// The arguments of a message code, as MessageSource takes them: serialized with the
	// exception when they are serializable, as Spring's DefaultMessageSourceResolvable
	// does.
	@SuppressWarnings("serial")
	private Object[] messageArguments = NO_ARGUMENTS;

	/**
	 * Create an exception for a code; subclasses name their code here.
	 * @param code the wire code
	 * @param errorCode the registry entry, if the thrower has it
	 * @param cause the underlying failure, or {@code null}
	 */
	protected AugnoException(String code, @Nullable ErrorCode errorCode, @Nullable Throwable cause) {
		super(null, cause, true, recordsStackTrace(code, errorCode, cause));
		this.code = requireValidCode(code);
		this.errorCode = errorCode;
	}

	/**
	 * Create an exception for a code, resolved against the registry when rendered.
	 * @param code the wire code, built in or defined by the service
	 * @return the exception
	 * @throws IllegalArgumentException if the code is not of the form
	 * {@link ErrorCode#CODE_SYNTAX}
	 */
	public static AugnoException of(String code) {
		return new AugnoException(code, null, null);
	}

	/**
	 * Create an exception for a code, caused by another failure.
	 * @param code the wire code, built in or defined by the service
	 * @param cause the underlying failure, logged but never shown to the client
	 * @return the exception
	 */
	public static AugnoException of(String code, Throwable cause) {
		return new AugnoException(code, null, cause);
	}

	/**
	 * Create an exception for a registry entry, such as a constant of {@link ErrorCodes}.
	 * @param code the code
	 * @return the exception
	 */
	public static AugnoException of(ErrorCode code) {
		return new AugnoException(code.code(), code, null);
	}

	/**
	 * Create an exception for a registry entry, caused by another failure.
	 * @param code the code
	 * @param cause the underlying failure, logged but never shown to the client
	 * @return the exception
	 */
	public static AugnoException of(ErrorCode code, Throwable cause) {
		return new AugnoException(code.code(), code, cause);
	}

	/**
	 * Set the message shown to the client instead of the code's default message. It is
	 * written to the response as given, also for a 5xx, so it must be safe for end users.
	 * @param message the message
	 * @return this exception
	 */
	public AugnoException message(String message) {
		this.message = message;
		return this;
	}

	/**
	 * Name the request field or parameter at fault, as the client sent it.
	 * @param param the field or parameter name, such as {@code address.postal_code}
	 * @return this exception
	 */
	public AugnoException param(String param) {
		this.param = param;
		return this;
	}

	/**
	 * Attach the quota of a {@code limit_exceeded} error.
	 * @param limit the plan's limit
	 * @param used how much of it is used
	 * @param resetAt when the quota resets, or {@code null} if it does not reset by
	 * itself
	 * @return this exception
	 */
	public AugnoException quota(long limit, long used, @Nullable Instant resetAt) {
		this.quota = new Quota(limit, used, resetAt);
		return this;
	}

	/**
	 * Report the error with another type than its code's own, as for an idempotency key
	 * reused with different parameters ({@code validation_failed} with
	 * {@link ErrorType#IDEMPOTENCY_ERROR}).
	 * @param type the type
	 * @return this exception
	 */
	public AugnoException type(ErrorType type) {
		this.type = type;
		return this;
	}

	/**
	 * Tell the client how long to wait before retrying, sent as the {@code Retry-After}
	 * header.
	 * @param retryAfter the delay, not negative
	 * @return this exception
	 */
	public AugnoException retryAfter(Duration retryAfter) {
		if (retryAfter.isNegative()) {
			throw new IllegalArgumentException("Retry-After must not be negative, got " + retryAfter);
		}
		this.retryAfter = retryAfter;
		return this;
	}

	/**
	 * Make the message translatable: for a request in another language than English, the
	 * pattern the application's message source holds for this key, in that language, is
	 * sent with the arguments instead of the {@linkplain #message(String) message}, which
	 * stays the English text and the fallback. The pattern is a
	 * {@link java.text.MessageFormat}: {@code {0}} is the first argument.
	 * @param key the message key, such as {@code shipping.term_not_found}
	 * @param arguments the pattern's arguments
	 * @return this exception
	 */
	public AugnoException messageKey(String key, Object... arguments) {
		if (key == null || key.isBlank()) {
			throw new IllegalArgumentException("A message key must not be blank");
		}
		this.messageKey = key;
		this.messageArguments = arguments.clone();
		return this;
	}

	/**
	 * Return the key that translates the message.
	 * @return the key, or {@code null}
	 */
	public @Nullable String messageKey() {
		return this.messageKey;
	}

	/**
	 * Return the arguments of the message key's pattern.
	 * @return a copy of the arguments, empty when none
	 */
	public Object[] messageArguments() {
		return (this.messageArguments.length > 0) ? this.messageArguments.clone() : NO_ARGUMENTS;
	}

	/**
	 * Add an extension member: a value that a format which renders extension members
	 * (problem details, or a service's own contract) writes beside the standard ones,
	 * such as the {@code tier} of a rate limit. The Augno envelope has a fixed set of
	 * members and ignores them. Adding a member again replaces its value.
	 * @param name the member's name, not blank
	 * @param value the value, written as JSON by the format
	 * @return this exception
	 */
	public AugnoException member(String name, Object value) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("An extension member needs a name");
		}
		if (value == null) {
			throw new IllegalArgumentException("Extension member '" + name + "' needs a value");
		}
		if (this.members == null) {
			this.members = new LinkedHashMap<>();
		}
		this.members.put(name, value);
		return this;
	}

	/**
	 * Return the wire code.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Return the registry entry the exception was created with.
	 * @return the entry, or {@code null} if it was created from a string
	 */
	public @Nullable ErrorCode errorCode() {
		return this.errorCode;
	}

	/**
	 * Return the message for the client; {@link #getMessage()} is the one for logs.
	 * @return the message, or {@code null} for the code's default
	 */
	public @Nullable String message() {
		return this.message;
	}

	/**
	 * Return the request field or parameter at fault.
	 * @return the name, or {@code null}
	 */
	public @Nullable String param() {
		return this.param;
	}

	/**
	 * Return the quota.
	 * @return the quota, or {@code null}
	 */
	public @Nullable Quota quota() {
		return this.quota;
	}

	/**
	 * Return the type that overrides the code's own.
	 * @return the type, or {@code null} for the code's own type
	 */
	public @Nullable ErrorType type() {
		return this.type;
	}

	/**
	 * Return how long the client should wait before retrying.
	 * @return the delay, or {@code null}
	 */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Return the extension members, in the order they were added.
	 * @return the members, empty when none
	 */
	public Map<String, Object> members() {
		return (this.members != null) ? Collections.unmodifiableMap(this.members) : Map.of();
	}

	/**
	 * Return code, message and parameter, for logs.
	 * @return for example {@code resource_not_found: Shipping term not found. [param=id]}
	 */
	@Override
	public String getMessage() {
		StringBuilder text = new StringBuilder(this.code);
		if (this.message != null) {
			text.append(": ").append(this.message);
		}
		if (this.type != null) {
			text.append(" [type=").append(this.type.wireName()).append(']');
		}
		if (this.param != null) {
			text.append(" [param=").append(this.param).append(']');
		}
		return text.toString();
	}

	private static String requireValidCode(String code) {
		if (!ErrorCode.isValidCode(code)) {
			throw new IllegalArgumentException(
					"Error code '" + code + "' must match " + ErrorCode.CODE_SYNTAX.pattern());
		}
		return code;
	}

	private static boolean recordsStackTrace(String code, @Nullable ErrorCode errorCode, @Nullable Throwable cause) {
		if (cause != null) {
			return true;
		}
		ErrorCode known = (errorCode != null) ? errorCode : ErrorRegistry.standard().find(code);
		return known == null || known.status() >= 500;
	}

}
