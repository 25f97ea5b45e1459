package com.augno.errors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The broad category of an error, as the {@code type} field of the envelope names it.
 *
 * @since 0.1.0
 */
public enum ErrorType {

	/**
	 * The request cannot be completed as sent: bad input, authentication, permissions or
	 * a missing resource.
	 */
	INVALID_REQUEST_ERROR("invalid_request_error"),

	/**
	 * The service or one of its dependencies failed while handling a valid request.
	 */
	API_ERROR("api_error"),

	/**
	 * An idempotency key is in use, or was reused with different request parameters.
	 */
	IDEMPOTENCY_ERROR("idempotency_error");

	private final String wireName;

	ErrorType(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * Return the name written on the wire, such as {@code invalid_request_error}.
	 * @return the wire name
	 */
	@JsonValue
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Return the type with the given wire name.
	 * @param wireName the name as written in an envelope
	 * @return the type
	 * @throws IllegalArgumentException if no type has that wire name
	 */
	@JsonCreator
	public static ErrorType fromWireName(String wireName) {
		ErrorType type = find(wireName);
		if (type == null) {
			throw new IllegalArgumentException("Unknown error type '" + wireName + "'; expected one of "
					+ "invalid_request_error, api_error, idempotency_error");
		}
		return type;
	}

	/**
	 * Return the type with the given wire name, if this version knows it. A client
	 * reading envelopes from a newer service uses it to tolerate a type added after this
	 * version.
	 * @param wireName the name as written in an envelope
	 * @return the type, or {@code null} if no type has that wire name
	 * @since 0.1.0
	 */
	public static @Nullable ErrorType find(@Nullable String wireName) {
		for (ErrorType type : values()) {
			if (type.wireName.equals(wireName)) {
				return type;
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return this.wireName;
	}

}
