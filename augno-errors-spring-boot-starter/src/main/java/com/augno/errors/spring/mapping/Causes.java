package com.augno.errors.spring.mapping;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Walks a failure's cause chain for the code that looks past the outermost exception: a
 * bounded number of links, stopping where the chain loops back on itself, so that every
 * walk ends. A chain that loops is never handed to Spring's own walks
 * ({@code DisconnectedClientHelper}, {@code NestedExceptionUtils}, the resolution of
 * {@code @ExceptionHandler} methods), which follow {@code getCause()} until it returns
 * {@code null} and so never end, or overflow the stack, on such a chain.
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
		Throwable[] seen = new Throwable[Math.max(maxDepth, 0)];
		Throwable current = throwable;
		for (int depth = 0; current != null && depth < maxDepth && !contains(seen, depth, current); depth++) {
			R answer = match.apply(current);
			if (answer != null) {
				return answer;
			}
			seen[depth] = current;
			current = current.getCause();
		}
		return null;
	}

	/**
	 * Return the most specific cause within the bound: the last link before the chain
	 * ends, loops back or reaches the bound.
	 * @param throwable where the chain starts (included)
	 * @param maxDepth how many links of the chain to look at, at least 1
	 * @return the most specific cause, the throwable itself if it has none
	 */
	public static Throwable deepest(Throwable throwable, int maxDepth) {
		Throwable[] seen = new Throwable[Math.max(maxDepth, 1)];
		Throwable deepest = throwable;
		Throwable current = throwable;
		for (int depth = 0; current != null && depth < seen.length && !contains(seen, depth, current); depth++) {
			deepest = current;
			seen[depth] = current;
			current = current.getCause();
		}
		return deepest;
	}

	/**
	 * Return whether a cause chain ends within the bound: whether a walk that follows
	 * {@code getCause()} until {@code null}, as Spring's do, ends after at most that many
	 * links. A chain that loops back on itself never ends.
	 * @param throwable where the chain starts (included)
	 * @param maxDepth how many links of the chain to look at
	 * @return whether the chain has at most {@code maxDepth} links
	 */
	public static boolean ends(Throwable throwable, int maxDepth) {
		Throwable current = throwable;
		for (int depth = 0; current != null; depth++) {
			if (depth == maxDepth) {
				return false;
			}
			current = current.getCause();
		}
		return true;
	}

	private static boolean contains(Throwable[] links, int count, Throwable candidate) {
		for (int i = 0; i < count; i++) {
			if (links[i] == candidate) {
				return true;
			}
		}
		return false;
	}

}
