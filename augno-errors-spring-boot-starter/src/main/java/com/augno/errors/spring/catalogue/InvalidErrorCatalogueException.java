package com.augno.errors.spring.catalogue;

import org.jspecify.annotations.Nullable;

/**
 * A catalogue resource that cannot be used: missing, malformed, or with a key or value
 * the catalogue format does not allow. It names the resource and the offending key, so
 * that the startup failure points at the line to fix.
 *
 * @since 0.1.0
 */
public class InvalidErrorCatalogueException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String location;

	private final String key;

	private final @Nullable String value;

	private final String reason;

	private final String action;

	/**
	 * Create an exception.
	 * @param location the resource, such as {@code classpath:augno-errors.yaml}
	 * @param key the offending key as a dotted path, such as
	 * {@code codes.VALIDATION_ERROR.status}, or a line for a malformed file
	 * @param value its value, or {@code null} when it is missing
	 * @param reason what is wrong
	 * @param action how to fix it
	 * @param cause the failure that revealed it, or {@code null}
	 */
	public InvalidErrorCatalogueException(String location, String key, @Nullable Object value, String reason,
			String action, @Nullable Throwable cause) {
		super(location + ": " + key + ": " + reason, cause);
		this.location = location;
		this.key = key;
		this.value = (value != null) ? value.toString() : null;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * Return the resource.
	 * @return its location
	 */
	public String getLocation() {
		return this.location;
	}

	/**
	 * Return the offending key.
	 * @return the dotted path
	 */
	public String getKey() {
		return this.key;
	}

	/**
	 * Return the offending value.
	 * @return the value, or {@code null} when it is missing
	 */
	public @Nullable String getValue() {
		return this.value;
	}

	/**
	 * Return what is wrong.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Return how to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
