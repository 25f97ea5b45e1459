package com.augno.errors;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The immutable set of codes a service answers with: the Augno contract's built-in codes,
 * possibly with their message or documentation link overridden, plus the service's own.
 * <p>
 * Built with {@link #builder()}; {@link #standard()} holds the contract alone. A built-in
 * code cannot be redefined, only its message and doc URL overridden, so that the status,
 * type and transience clients rely on stay those of the contract. A service whose
 * contract is not Augno's {@linkplain Builder#replaceBuiltIns() replaces} the built-in
 * codes with its own instead.
 *
 * @since 0.1.0
 */
public final class ErrorRegistry {

	private static final ErrorRegistry STANDARD = builder().build();

	private static final int MAX_SUGGESTIONS = 3;

	private final Map<String, ErrorCode> codes;

	private final Map<String, ErrorDocumentation> documentation;

	private final Map<String, String> replacements;

	private ErrorRegistry(Map<String, ErrorCode> codes, Map<String, ErrorDocumentation> documentation,
			Map<String, String> replacements) {
		this.codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
		this.documentation = Map.copyOf(documentation);
		this.replacements = Map.copyOf(replacements);
	}

	/**
	 * Return the registry of the contract's built-in codes alone.
	 * @return the standard registry
	 */
	public static ErrorRegistry standard() {
		return STANDARD;
	}

	/**
	 * Return a builder that starts from the built-in codes.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the code registered under a wire code, or the code that
	 * {@linkplain Builder#replace(String, String) replaces} a built-in one.
	 * @param code the wire code
	 * @return the code, or {@code null} if none is registered
	 */
	public @Nullable ErrorCode find(String code) {
		ErrorCode registered = this.codes.get(code);
		if (registered == null) {
			String replacement = this.replacements.get(code);
			return (replacement != null) ? this.codes.get(replacement) : null;
		}
		return registered;
	}

	/**
	 * Return the built-in codes whose failures a code answers instead of them, in a
	 * registry that {@linkplain Builder#replaceBuiltIns() replaces the built-in codes}.
	 * @param code the wire code
	 * @return the built-in codes it replaces, in the order they were replaced; empty when
	 * it replaces none
	 */
	public List<String> replaces(String code) {
		return this.replacements.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(code))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	/**
	 * Return the code registered under a wire code, or fail naming the closest known
	 * ones.
	 * @param code the wire code
	 * @return the code
	 * @throws IllegalArgumentException if no code is registered under it
	 */
	public ErrorCode get(String code) {
		ErrorCode errorCode = find(code);
		if (errorCode == null) {
			throw new IllegalArgumentException(unknownCodeMessage(code));
		}
		return errorCode;
	}

	/**
	 * Return what the reference documentation says about a code.
	 * @param code the wire code
	 * @return its documentation, {@linkplain ErrorDocumentation#none() empty} when none
	 * was given
	 */
	public ErrorDocumentation documentation(String code) {
		return this.documentation.getOrDefault(code, ErrorDocumentation.none());
	}

	/**
	 * Return whether an error is transient: a function of the (code, type) pair.
	 * @param code the code
	 * @param type the type the error is reported with
	 * @return whether retrying may succeed
	 * @see ErrorCode#isTransient(ErrorType)
	 */
	public boolean isTransient(ErrorCode code, ErrorType type) {
		return code.isTransient(type);
	}

	/**
	 * Return every registered code, built-in codes first, in registration order.
	 * @return the codes
	 */
	public Collection<ErrorCode> codes() {
		return this.codes.values();
	}

	/**
	 * Return the registered codes closest to an unknown one, closest first.
	 * @param unknown the unknown code
	 * @return at most three codes that are a small edit away from it or contain it
	 */
	public List<String> suggestionsFor(String unknown) {
		String candidate = unknown.toLowerCase(Locale.ROOT);
		int maxDistance = Math.max(2, candidate.length() / 3);
		return this.codes.keySet()
			.stream()
			.map((known) -> Map.entry(known,
					distance(candidate, known,
							known.contains(candidate) || (candidate.length() > 3 && candidate.contains(known)))))
			.filter((entry) -> entry.getValue() <= maxDistance)
			.sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.limit(MAX_SUGGESTIONS)
			.map(Map.Entry::getKey)
			.toList();
	}

	private String unknownCodeMessage(String code) {
		List<String> suggestions = suggestionsFor(code);
		String advice = suggestions.isEmpty() ? "register it as a custom code"
				: "did you mean " + String.join(", ", suggestions.stream().map((s) -> "'" + s + "'").toList()) + "?";
		return "Unknown error code '" + code + "'; " + advice;
	}

	/**
	 * The edit distance, with a code that contains the other (or is contained in it)
	 * counted as one edit away, so that {@code not_found} suggests
	 * {@code resource_not_found}.
	 */
	private static int distance(String a, String b, boolean containment) {
		if (containment && !a.equals(b)) {
			return 1;
		}
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/**
	 * Builds an {@link ErrorRegistry} from the built-in codes, the service's own codes
	 * and overrides of built-in messages and doc URLs.
	 */
	public static final class Builder {

		private final Map<String, ErrorCode> codes = new LinkedHashMap<>();

		private final Set<String> builtIn = new HashSet<>();

		private final Map<String, ErrorDocumentation> documentation = new LinkedHashMap<>();

		private final Set<String> replaceable = new HashSet<>();

		private final Map<String, String> replacements = new LinkedHashMap<>();

		private Pattern codeSyntax = ErrorCode.AUGNO_CODE_SYNTAX;

		private Builder() {
			ErrorCodes.contract().forEach(this::registerBuiltIn);
			this.documentation.putAll(ErrorDocumentationProperties.contract());
		}

		/**
		 * Add a code that a framework built on the contract defines beside the contract's
		 * own: like those, a service can override its message and doc URL only.
		 * @param code the code
		 * @return this builder
		 * @throws IllegalArgumentException if a code with the same wire code exists
		 */
		public Builder registerBuiltIn(ErrorCode code) {
			register(code);
			this.builtIn.add(code.code());
			return this;
		}

		/**
		 * Add a service's own code.
		 * @param code the code
		 * @return this builder
		 * @throws IllegalArgumentException if a code with the same wire code exists, or
		 * the code does not match the {@linkplain #codeSyntax(Pattern) code syntax}
		 */
		public Builder register(ErrorCode code) {
			if (!this.codeSyntax.matcher(code.code()).matches()) {
				throw new IllegalArgumentException(
						"Error code '" + code.code() + "' must match " + this.codeSyntax.pattern());
			}
			if (this.codes.containsKey(code.code())) {
				throw new IllegalArgumentException(isBuiltIn(code.code())
						? "Error code '" + code.code() + "' is built in; only its message and doc URL can be overridden"
						: "Error code '" + code.code() + "' is already registered");
			}
			this.codes.put(code.code(), code);
			return this;
		}

		/**
		 * Return whether a wire code is built in: one of the contract's codes, or
		 * registered with {@link #registerBuiltIn}.
		 * @param code the wire code
		 * @return whether only its message and doc URL may be overridden
		 */
		public boolean isBuiltIn(String code) {
			return this.builtIn.contains(code);
		}

		/**
		 * Replace the default message of a registered code.
		 * @param code the wire code
		 * @param message the new default message
		 * @return this builder
		 * @throws IllegalArgumentException if the code is unknown or the message blank
		 */
		public Builder overrideMessage(String code, String message) {
			this.codes.put(code, existing(code).withMessage(message));
			return this;
		}

		/**
		 * Link a registered code to its own documentation URL instead of the default
		 * anchor.
		 * @param code the wire code
		 * @param docUrl the full URL
		 * @return this builder
		 * @throws IllegalArgumentException if the code is unknown or the URL blank
		 */
		public Builder overrideDocUrl(String code, String docUrl) {
			this.codes.put(code, existing(code).withDocUrl(docUrl));
			return this;
		}

		/**
		 * Set the syntax that codes registered from now on must match. Augno's is lower
		 * snake case, {@code ^[a-z][a-z0-9_]*$}; a service serving another contract may
		 * declare its own, such as {@code ^[A-Z][A-Z0-9_]*$}. It narrows, never widens,
		 * what {@link ErrorCode} accepts.
		 * @param syntax the pattern a whole code must match
		 * @return this builder
		 */
		public Builder codeSyntax(Pattern syntax) {
			this.codeSyntax = syntax;
			return this;
		}

		/**
		 * Drop the built-in codes registered so far, for a service whose contract is not
		 * Augno's: its own codes alone are listed and found, and each failure the
		 * framework answers with a built-in code is answered with the code that
		 * {@linkplain #replace(String, String) replaces} it. A failure whose built-in
		 * code nothing replaces keeps that code, with its status and message, so that it
		 * is still answered. Call it after registering a framework's own built-in codes.
		 * @return this builder
		 */
		public Builder replaceBuiltIns() {
			this.builtIn.forEach((code) -> {
				this.codes.remove(code);
				this.documentation.remove(code);
				this.replaceable.add(code);
			});
			this.builtIn.clear();
			return this;
		}

		/**
		 * Answer the failures of a built-in code with a code of the service's own, after
		 * {@link #replaceBuiltIns()}. {@link ErrorRegistry#find(String)} of the built-in
		 * code then returns the replacement.
		 * @param builtInCode the built-in wire code, such as {@code resource_not_found}
		 * @param code a registered code of the service's own, such as {@code NOT_FOUND}
		 * @return this builder
		 * @throws IllegalArgumentException if the built-in code is unknown or already
		 * replaced, or the code is not registered
		 */
		public Builder replace(String builtInCode, String code) {
			if (!this.replaceable.contains(builtInCode)) {
				throw new IllegalArgumentException("'" + builtInCode + "' is not a built-in code that can be replaced"
						+ (this.replaceable.isEmpty() ? " (call replaceBuiltIns() first)" : ""));
			}
			existing(code);
			String previous = this.replacements.putIfAbsent(builtInCode, code);
			if (previous != null) {
				throw new IllegalArgumentException(
						"'" + builtInCode + "' is already replaced by '" + previous + "'; it can be replaced once");
			}
			return this;
		}

		/**
		 * Document a registered code for the reference page and the published catalogue.
		 * @param code the wire code
		 * @param documentation what to say about it
		 * @return this builder
		 * @throws IllegalArgumentException if the code is unknown
		 */
		public Builder document(String code, ErrorDocumentation documentation) {
			existing(code);
			this.documentation.put(code, documentation);
			return this;
		}

		private ErrorCode existing(String code) {
			ErrorCode existing = this.codes.get(code);
			if (existing == null) {
				throw new IllegalArgumentException(
						new ErrorRegistry(this.codes, Map.of(), Map.of()).unknownCodeMessage(code));
			}
			return existing;
		}

		/**
		 * Build the registry.
		 * @return an immutable registry
		 */
		public ErrorRegistry build() {
			return new ErrorRegistry(this.codes, this.documentation, this.replacements);
		}

	}

}
