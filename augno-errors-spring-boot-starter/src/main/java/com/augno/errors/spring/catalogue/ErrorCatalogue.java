package com.augno.errors.spring.catalogue;

import java.util.List;
import java.util.regex.Pattern;

import com.augno.errors.ErrorDocumentation;
import com.augno.errors.ErrorType;
import org.jspecify.annotations.Nullable;

/**
 * A service's whole code set as one resource declares it ({@code augno-errors.yaml}):
 * whether it extends Augno's catalogue or replaces it, the syntax of its codes, and per
 * code the status, type, transience, default message, documentation and, for a replacing
 * catalogue, the built-in codes whose failures it answers. Read by
 * {@link ErrorCatalogueReader}; checked against the built-in codes when the registry is
 * built.
 *
 * @param location where it was read from, such as {@code classpath:augno-errors.yaml}, or
 * {@code null} for {@link #none()}
 * @param mode whether it extends or replaces Augno's catalogue
 * @param codeSyntax the pattern its own codes must match, or {@code null} for the mode's
 * default
 * @param codes its codes, in the order declared
 * @since 0.1.0
 */
public record ErrorCatalogue(@Nullable String location, Mode mode, @Nullable Pattern codeSyntax, List<Entry> codes) {

	private static final ErrorCatalogue NONE = new ErrorCatalogue(null, Mode.EXTEND, null, List.of());

	/**
	 * Keep an immutable copy of the codes.
	 */
	public ErrorCatalogue {
		codes = List.copyOf(codes);
	}

	/**
	 * Return the catalogue of a service that declares none.
	 * @return an empty catalogue that extends Augno's
	 */
	public static ErrorCatalogue none() {
		return NONE;
	}

	/**
	 * How a catalogue relates to Augno's.
	 */
	public enum Mode {

		/**
		 * Augno's codes stay; the catalogue adds codes, and may override the message, doc
		 * URL and documentation of Augno's.
		 */
		EXTEND,

		/**
		 * The catalogue's codes are the only ones; each failure the framework answers
		 * with an Augno code is answered with the catalogue code that {@code replaces}
		 * it.
		 */
		REPLACE

	}

	/**
	 * One code as the catalogue declares it; what is not declared is {@code null}.
	 *
	 * @param code the wire code
	 * @param status the HTTP status, or {@code null}
	 * @param type the type, or {@code null}
	 * @param isTransient whether retrying may succeed, or {@code null}
	 * @param message the default message, or {@code null}
	 * @param docUrl the documentation URL replacing the default anchor, or {@code null}
	 * @param documentation title, description, causes and resolution
	 * @param replaces the built-in codes whose failures this code answers
	 */
	public record Entry(String code, @Nullable Integer status, @Nullable ErrorType type, @Nullable Boolean isTransient,
			@Nullable String message, @Nullable String docUrl, ErrorDocumentation documentation,
			List<String> replaces) {

		/**
		 * Keep an immutable copy of the replaced codes.
		 */
		public Entry {
			replaces = List.copyOf(replaces);
		}

	}

}
