package com.augno.errors.spring.mapping;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Walks a failure's cause chain for the mappers that look past the outermost exception: a
 * bounded number of links, so that a chain that loops back on itself still ends.
 *
 * @since 0.1.0
 */
public final class Causes {

	private Causes() {
	}

	/**
	 * Return the first answer a function gives along a cause chain.
	 * @param <R> the type of the answer
	 * @param throwable where the chain starts (included), or {@code null}
	 * @param maxDepth how many links of the chain to look at
	 * @param match the answer for one link, or {@code null} to go on to its cause
	 * @return the first answer, or {@code null} if no link within the bound has one
	 */
	public static <R> @Nullable R first(@Nullable Throwable throwable, int maxDepth,
			Function<Throwable, @Nullable R> match) {
		Throwable current = throwable;
		for (int depth = 0; current != null && depth < maxDepth; depth++) {
			R answer = match.apply(current);
			if (answer != null) {
				return answer;
			}
			Throwable cause = current.getCause();
			current = (cause != current) ? cause : null;
		}
		return null;
	}

}
