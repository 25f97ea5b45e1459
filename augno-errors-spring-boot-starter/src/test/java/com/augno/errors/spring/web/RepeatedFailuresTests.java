package com.augno.errors.spring.web;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedFailuresTests {

	private static final Duration INTERVAL = Duration.ofMinutes(1);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T06:55:01Z"));

	private final RepeatedFailures failures = new RepeatedFailures(INTERVAL, this.clock);

	@Test
	void identifiesAFailureByItsCauseClassesAndTheDeepestCausesFirstFrame() {
		IllegalStateException root = thrownAt(new IllegalStateException("secret 42"), "Items", 7);
		RuntimeException wrapper = thrownAt(new RuntimeException("wrapper", root), "Controller", 99);
		assertThat(RepeatedFailures.keyOf(wrapper))
			.isEqualTo("java.lang.RuntimeException java.lang.IllegalStateException at com.example.Items.load:7");
	}

	@Test
	void identifiesAJdkMethodsFailureByWhereTheApplicationCalledIt() {
		NumberFormatException inOrders = parseIntFailure();
		NumberFormatException inItems = parseIntFailureElsewhere();
		assertThat(RepeatedFailures.keyOf(inOrders))
			.startsWith(
					"java.lang.NumberFormatException at " + RepeatedFailuresTests.class.getName() + ".parseIntFailure:")
			.isNotEqualTo(RepeatedFailures.keyOf(inItems));
		assertThat(RepeatedFailures.keyOf(parseIntFailure())).isEqualTo(RepeatedFailures.keyOf(inOrders));
	}

	@Test
	void identifiesAFailureWhollyInsideTheJdkByItsFirstFrame() {
		IllegalStateException failure = new IllegalStateException("jdk");
		failure.setStackTrace(new StackTraceElement[] { new StackTraceElement(null, "java.base", "17",
				"java.util.Objects", "requireNonNull", "Objects.java", 233) });
		assertThat(RepeatedFailures.keyOf(failure))
			.isEqualTo("java.lang.IllegalStateException at java.util.Objects.requireNonNull:233");
	}

	private static NumberFormatException parseIntFailure() {
		try {
			Integer.parseInt("x");
			throw new AssertionError("parsed");
		}
		catch (NumberFormatException ex) {
			return ex;
		}
	}

	private static NumberFormatException parseIntFailureElsewhere() {
		try {
			Integer.parseInt("y");
			throw new AssertionError("parsed");
		}
		catch (NumberFormatException ex) {
			return ex;
		}
	}

	@Test
	void identifiesAFailureWithoutStackTraceByItsCauseClasses() {
		IllegalStateException failure = new IllegalStateException("no trace");
		failure.setStackTrace(new StackTraceElement[0]);
		assertThat(RepeatedFailures.keyOf(failure)).isEqualTo("java.lang.IllegalStateException");
	}

	@Test
	void stopsAtACycleInTheCauseChain() {
		IllegalStateException first = thrownAt(new IllegalStateException("first"), "First", 1);
		IllegalArgumentException second = thrownAt(new IllegalArgumentException("second"), "Second", 2);
		first.initCause(second);
		second.initCause(first);
		assertThat(RepeatedFailures.keyOf(first)).isEqualTo(
				"java.lang.IllegalStateException java.lang.IllegalArgumentException at com.example.Second.load:2");
	}

	@Test
	void boundsTheDepthOfTheCauseChain() {
		Throwable failure = thrownAt(new IllegalStateException("root"), "Root", 1);
		for (int i = 0; i < 40; i++) {
			failure = new RuntimeException(failure);
		}
		String key = RepeatedFailures.keyOf(failure);
		assertThat(key.split("java.lang.RuntimeException", -1)).hasSize(RepeatedFailures.MAX_CAUSE_DEPTH + 1);
		assertThat(key).doesNotContain("IllegalStateException");
	}

	@Test
	void forgetsTheTrackedFailuresWhenFull() {
		for (int i = 0; i < RepeatedFailures.MAX_TRACKED; i++) {
			assertThat(this.failures.record(thrownAt(new IllegalStateException(), "Items", i), "rq_" + i).isFirst())
				.isTrue();
		}
		assertThat(this.failures.size()).isEqualTo(RepeatedFailures.MAX_TRACKED);
		assertThat(this.failures.record(thrownAt(new IllegalStateException(), "Items", 0), "rq").isFirst()).isFalse();
		this.failures.record(thrownAt(new IllegalStateException(), "Other", 0), "rq_other");
		assertThat(this.failures.size()).isOne();
		assertThat(this.failures.record(thrownAt(new IllegalStateException(), "Items", 0), "rq").isFirst()).isTrue();
	}

	@Test
	void dropsFailuresWhoseIntervalHasPassedFirstWhenFull() {
		for (int i = 0; i < RepeatedFailures.MAX_TRACKED - 1; i++) {
			this.failures.record(thrownAt(new IllegalStateException(), "Items", i), "rq_" + i);
		}
		this.clock.advance(Duration.ofSeconds(30));
		this.failures.record(thrownAt(new IllegalStateException(), "Recent", 1), "rq_recent");
		this.clock.advance(Duration.ofSeconds(31));
		this.failures.record(thrownAt(new IllegalStateException(), "Other", 1), "rq_other");
		assertThat(this.failures.size()).isEqualTo(2);
		RepeatedFailures.Occurrence recent = this.failures.record(thrownAt(new IllegalStateException(), "Recent", 1),
				"rq");
		assertThat(recent.isFirst()).isFalse();
		assertThat(recent.requestId()).isEqualTo("rq_recent");
	}

	@Test
	void startsANewIntervalWhenTheClockIsSetBack() {
		this.failures.record(thrownAt(new IllegalStateException(), "Items", 1), "rq_1");
		this.clock.advance(Duration.ofSeconds(-1));
		RepeatedFailures.Occurrence occurrence = this.failures.record(thrownAt(new IllegalStateException(), "Items", 1),
				"rq_2");
		assertThat(occurrence.isFirst()).isTrue();
		assertThat(occurrence.requestId()).isEqualTo("rq_2");
	}

	private static <T extends Throwable> T thrownAt(T failure, String className, int line) {
		failure.setStackTrace(new StackTraceElement[] {
				new StackTraceElement("com.example." + className, "load", className + ".java", line) });
		return failure;
	}

}
