package com.augno.errors.spring.web;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A stand-in for a failure whose message, or a cause's, holds a line break or another
 * control character (Reactor's checkpoint traceback, multi-line by design, aside), so
 * that its stack trace can be logged without that text forging log lines: logging
 * frameworks print a throwable's class and raw message at the head of its trace. Each
 * copy's message is the original class name and message, with control characters replaced
 * by {@code ?}; its stack trace, causes and suppressed failures are those of the original
 * (at most {@value #MAX_COPIES} throwables, stopping at a cycle).
 *
 * @since 0.1.0
 */
final class SanitizedFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private static final int MAX_COPIES = 32;

	private static final String REACTOR_TRACEBACK = "reactor.core.publisher.FluxOnAssembly$OnAssemblyException";

	private SanitizedFailure(Throwable original, @Nullable SanitizedFailure cause) {
		super(original.getClass().getName()
				+ ((original.getMessage() != null) ? ": " + oneLine(original.getMessage()) : ""), cause, true, true);
		setStackTrace(original.getStackTrace());
	}

	/**
	 * Return the failure itself when every message along its chain is on one line, else a
	 * sanitized copy.
	 * @param failure the failure
	 * @return what to log
	 */
	static Throwable of(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		return needsCopy(failure, seen) ? copy(failure, Collections.newSetFromMap(new IdentityHashMap<>())) : failure;
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		// The original's trace is set instead.
		return this;
	}

	private static boolean needsCopy(Throwable failure, Set<Throwable> seen) {
		if (seen.size() >= MAX_COPIES || !seen.add(failure)) {
			return false;
		}
		if (hasControlCharacter(failure.getMessage(), isReactorTraceback(failure))) {
			return true;
		}
		for (Throwable suppressed : failure.getSuppressed()) {
			if (needsCopy(suppressed, seen)) {
				return true;
			}
		}
		return failure.getCause() != null && needsCopy(failure.getCause(), seen);
	}

	private static SanitizedFailure copy(Throwable failure, Set<Throwable> seen) {
		seen.add(failure);
		Throwable cause = failure.getCause();
		SanitizedFailure copy = new SanitizedFailure(failure,
				(cause != null && seen.size() < MAX_COPIES && !seen.contains(cause)) ? copy(cause, seen) : null);
		for (Throwable suppressed : failure.getSuppressed()) {
			if (seen.size() < MAX_COPIES && !seen.contains(suppressed)) {
				copy.addSuppressed(copy(suppressed, seen));
			}
		}
		return copy;
	}

	/**
	 * Whether a failure is Reactor's traceback of the operators and routes an error
	 * passed (a checkpoint, which WebFlux adds to every error): its line breaks are
	 * Reactor's own, and copying the chain for them would hide every WebFlux failure's
	 * class. Any other control character in it (from a request path) still counts.
	 */
	private static boolean isReactorTraceback(Throwable failure) {
		return failure.getClass().getName().equals(REACTOR_TRACEBACK);
	}

	private static boolean hasControlCharacter(@Nullable String text, boolean lineBreaksAllowed) {
		if (text != null) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isISOControl(c) && !(lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t'))) {
					return true;
				}
			}
		}
		return false;
	}

	private static String oneLine(String text) {
		StringBuilder clean = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			clean.append(Character.isISOControl(c) ? '?' : c);
		}
		return clean.toString();
	}

}
