package com.augno.errors.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * An {@code augno.errors.*} property whose value the starter cannot use. Spring Boot
 * reports it at startup as "APPLICATION FAILED TO START" with the property, its value,
 * what is wrong and how to fix it, however deep in the context's startup it was thrown.
 *
 * @since 0.1.0
 */
public class InvalidAugnoErrorsConfigurationException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final @Nullable String value;

	private final String reason;

	private final String action;

	/**
	 * Create an exception.
	 * @param property the full name of the property, such as
	 * {@code augno.errors.codes.ledger_locked.status}
	 * @param value its value, or {@code null} when it is missing
	 * @param reason what is wrong with it
	 * @param action how to fix it
	 * @param cause the failure that revealed it, or {@code null}
	 */
	public InvalidAugnoErrorsConfigurationException(String property, @Nullable Object value, String reason,
			String action, @Nullable Throwable cause) {
		super(property + ": " + reason, cause);
		this.property = property;
		this.value = (value != null) ? value.toString() : null;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * Return the full name of the property.
	 * @return the property
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return the value of the property.
	 * @return the value, or {@code null} when it is missing
	 */
	public @Nullable String getValue() {
		return this.value;
	}

	/**
	 * Return what is wrong with the value.
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
