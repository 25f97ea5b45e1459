package com.augno.errors.spring.codes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.augno.errors.ErrorRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Checks at startup that every code the application's own classes pass to
 * {@code AugnoException.of} as a string constant is in the {@link ErrorRegistry}, so that
 * a misspelt code fails the first start (or logs a warning) instead of turning into a 500
 * the first time the line runs in production.
 *
 * @since 0.1.0
 */
public final class ErrorCodeVerifier implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(ErrorCodeVerifier.class);

	private final ErrorRegistry registry;

	private final ErrorCodeScanner scanner;

	private final List<String> packages;

	private final boolean fail;

	/**
	 * Create a verifier.
	 * @param registry the registry the codes must be in
	 * @param scanner the scanner that reads the classes
	 * @param packages the application's base packages
	 * @param fail whether an unknown code fails startup rather than logging a warning
	 */
	public ErrorCodeVerifier(ErrorRegistry registry, ErrorCodeScanner scanner, List<String> packages, boolean fail) {
		this.registry = registry;
		this.scanner = scanner;
		this.packages = packages;
		this.fail = fail;
	}

	@Override
	public void afterSingletonsInstantiated() {
		verify();
	}

	/**
	 * Scan the packages and report every unknown code.
	 * @throws IllegalStateException if a code is unknown and the verifier fails startup
	 */
	public void verify() {
		long start = System.nanoTime();
		List<ErrorCodeUsage> usages;
		try {
			usages = this.scanner.scan(this.packages);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the classes of " + this.packages, ex);
		}
		List<String> unknown = usages.stream()
			.filter((usage) -> this.registry.find(usage.code()) == null)
			.map(this::describe)
			.toList();
		if (logger.isDebugEnabled()) {
			logger.debug("Verified " + usages.size() + " error code constants in " + this.packages + " in "
					+ (System.nanoTime() - start) / 1_000_000 + " ms");
		}
		if (unknown.isEmpty()) {
			return;
		}
		String message = "Unknown error code" + ((unknown.size() > 1) ? "s" : "") + " passed to AugnoException.of:"
				+ System.lineSeparator() + String.join(System.lineSeparator(), unknown) + System.lineSeparator()
				+ "Fix the code, or define it with augno.errors.codes.<code>.status and .message. "
				+ "augno.errors.verify-codes=warn only logs this, =off skips the check.";
		if (this.fail) {
			throw new IllegalStateException(message);
		}
		logger.warn(message);
	}

	private String describe(ErrorCodeUsage usage) {
		List<String> suggestions = this.registry.suggestionsFor(usage.code());
		String advice = suggestions.isEmpty() ? ""
				: " (did you mean " + String.join(", ", suggestions.stream().map((s) -> "'" + s + "'").toList()) + "?)";
		return "  '" + usage.code() + "' at " + usage.location() + advice;
	}

}
