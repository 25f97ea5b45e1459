package com.augno.errors;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the reference documentation says about one code: a title, a description, the usual
 * causes and how to resolve it. Every field is optional, so a code without documentation
 * still has a card (status, type and message come from its {@link ErrorCode}).
 *
 * @param title a short title, such as {@code Resource not found}, or {@code null}
 * @param description what the error means, or {@code null}
 * @param causes the usual causes, possibly empty
 * @param resolution what the caller should do, or {@code null}
 * @since 0.1.0
 */
public record ErrorDocumentation(@Nullable String title, @Nullable String description, List<String> causes,
		@Nullable String resolution) {

	private static final ErrorDocumentation NONE = new ErrorDocumentation(null, null, List.of(), null);

	/**
	 * Keep an immutable copy of the causes.
	 */
	public ErrorDocumentation {
		causes = (causes != null) ? List.copyOf(causes) : List.of();
	}

	/**
	 * Return the documentation of a code nobody documented.
	 * @return documentation with every field empty
	 */
	public static ErrorDocumentation none() {
		return NONE;
	}

	/**
	 * Return whether any field is set.
	 * @return {@code false} when this says nothing
	 */
	public boolean isEmpty() {
		return this.title == null && this.description == null && this.causes.isEmpty() && this.resolution == null;
	}

}
