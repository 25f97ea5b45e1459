package com.augno.errors.spring.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Counts the occurrences of each distinct server failure within an interval, so that
 * {@link ErrorLogger} logs the stack trace of a failure once per interval and a short
 * line for each repeat; its javadoc says what makes a failure distinct, and why.
 * <p>
 * At most {@value #MAX_TRACKED} failures are tracked, a bound that concurrent requests
 * may exceed by a few. When the table is full, a new failure first drops those whose
 * interval has passed and, if none has, forgets them all: each then logs its stack trace
 * again on its next occurrence. Each occurrence is counted atomically per failure
 * ({@link ConcurrentHashMap#compute}), with no global lock and none held while logging.
 *
 * @since 0.1.0
 */
final class RepeatedFailures {

	/**
	 * Most distinct failures tracked at once.
	 */
	static final int MAX_TRACKED = 1000;

	/**
	 * Most causes of a chain that identify a failure.
	 */
	static final int MAX_CAUSE_DEPTH = 16;

	private final ConcurrentMap<String, Occurrence> occurrences = new ConcurrentHashMap<>();

	private final long intervalMillis;

	private final Clock clock;

	private final String[] applicationPrefixes;

	/**
	 * Create a tracker.
	 * @param interval how long after a logged stack trace the same failure is a repeat;
	 * positive
	 * @param clock the source of the time
	 * @param applicationPackages the packages of the application's own code, such as
	 * those of its {@code @SpringBootApplication}; empty if not known
	 */
	RepeatedFailures(Duration interval, Clock clock, Collection<String> applicationPackages) {
		Assert.isTrue(!interval.isNegative() && !interval.isZero(), "interval must be positive");
		this.intervalMillis = interval.toMillis();
		this.clock = clock;
		// A class of the default package has no prefix to tell it from a library's.
		this.applicationPrefixes = applicationPackages.stream()
			.filter((name) -> !name.isEmpty())
			.map((name) -> name + ".")
			.distinct()
			.toArray(String[]::new);
	}

	/**
	 * Count an occurrence of a failure.
	 * @param failure the failure
	 * @param requestId the id of the request that failed, or {@code null}
	 * @return the occurrence, first of its interval or a repeat
	 */
	Occurrence record(Throwable failure, @Nullable String requestId) {
		long now = this.clock.millis();
		String key = keyOf(failure);
		if (this.occurrences.size() >= MAX_TRACKED && !this.occurrences.containsKey(key)) {
			this.occurrences.values().removeIf((occurrence) -> isOver(occurrence, now));
			if (this.occurrences.size() >= MAX_TRACKED) {
				this.occurrences.clear();
			}
		}
		return this.occurrences.compute(key, (k, previous) -> (previous == null || isOver(previous, now))
				? Occurrence.first(now, requestId, previous) : previous.next());
	}

	int size() {
		return this.occurrences.size();
	}

	private boolean isOver(Occurrence occurrence, long now) {
		long elapsed = now - occurrence.since();
		// A clock set back must not silence stack traces until it catches up.
		return elapsed < 0 || elapsed >= this.intervalMillis;
	}

	/**
	 * The key of a failure: its cause chain's class names and the deepest cause's first
	 * frame outside the JDK, where the application (or a library) called the JDK method
	 * that threw, so that {@code Integer.parseInt} failing in two handlers is two
	 * failures. When that frame is a library's, the key adds the first frame of the
	 * application's packages, where the application called the library, so that Spring's
	 * {@code Assert} or a driver failing for two handlers is two failures too. Never
	 * includes messages.
	 */
	String keyOf(Throwable failure) {
		StringBuilder key = new StringBuilder(256);
		Throwable[] chain = new Throwable[MAX_CAUSE_DEPTH];
		int depth = 0;
		for (Throwable current = failure; current != null && depth < MAX_CAUSE_DEPTH
				&& !contains(chain, depth, current); current = current.getCause()) {
			key.append((depth > 0) ? " " : "").append(current.getClass().getName());
			chain[depth++] = current;
		}
		StackTraceElement[] trace = chain[depth - 1].getStackTrace();
		if (trace.length > 0) {
			int thrown = firstOutsideTheJdk(trace);
			appendFrame(key.append(" at "), trace[thrown]);
			// One walk: the caller is searched from where the first search stopped.
			int called = firstInTheApplication(trace, thrown);
			if (called > thrown) {
				appendFrame(key.append(" from "), trace[called]);
			}
		}
		return key.toString();
	}

	private static void appendFrame(StringBuilder key, StackTraceElement frame) {
		key.append(frame.getClassName())
			.append('.')
			.append(frame.getMethodName())
			.append(':')
			.append(frame.getLineNumber());
	}

	private static int firstOutsideTheJdk(StackTraceElement[] trace) {
		for (int i = 0; i < trace.length; i++) {
			if (!isJdk(trace[i])) {
				return i;
			}
		}
		return 0;
	}

	/**
	 * Return the index of the first frame from {@code start} on that is the
	 * application's, or {@code -1} if none is or no application package is known.
	 */
	private int firstInTheApplication(StackTraceElement[] trace, int start) {
		if (this.applicationPrefixes.length == 0) {
			return -1;
		}
		for (int i = start; i < trace.length; i++) {
			String className = trace[i].getClassName();
			for (String prefix : this.applicationPrefixes) {
				if (className.startsWith(prefix)) {
					return i;
				}
			}
		}
		return -1;
	}

	private static boolean isJdk(StackTraceElement frame) {
		String module = frame.getModuleName();
		if (module != null) {
			return module.startsWith("java.") || module.startsWith("jdk.");
		}
		String className = frame.getClassName();
		return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
				|| className.startsWith("com.sun.");
	}

	private static boolean contains(Throwable[] chain, int depth, Throwable candidate) {
		for (int i = 0; i < depth; i++) {
			if (chain[i] == candidate) {
				return true;
			}
		}
		return false;
	}

	/**
	 * One occurrence of a failure within its interval.
	 *
	 * @param since when the interval began, in epoch milliseconds: when the stack trace
	 * was logged
	 * @param requestId the id of the request whose stack trace was logged, or
	 * {@code null}
	 * @param repeat 0 for the occurrence whose stack trace is logged, then 1, 2, ...
	 * @param previousRepeats the repeats of the previous interval, if still tracked
	 * @param previousSince when the previous interval began, or {@code 0} if it is not
	 * known
	 */
	record Occurrence(long since, @Nullable String requestId, long repeat, long previousRepeats, long previousSince) {

		static Occurrence first(long now, @Nullable String requestId, @Nullable Occurrence previous) {
			return (previous != null) ? new Occurrence(now, requestId, 0, previous.repeat, previous.since)
					: new Occurrence(now, requestId, 0, 0, 0);
		}

		Occurrence next() {
			return new Occurrence(this.since, this.requestId, this.repeat + 1, this.previousRepeats,
					this.previousSince);
		}

		/**
		 * Return whether this occurrence logs the stack trace.
		 * @return whether it is the first of its interval
		 */
		boolean isFirst() {
			return this.repeat == 0;
		}

	}

}
