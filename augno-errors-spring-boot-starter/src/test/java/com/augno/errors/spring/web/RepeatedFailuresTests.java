package com.augno.errors.spring.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.Assert;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedFailuresTests {

	private static final Duration INTERVAL = Duration.ofMinutes(1);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T06:55:01Z"));

	private final RepeatedFailures failures = new RepeatedFailures(INTERVAL, this.clock, List.of());

	@Test
	void identifiesAFailureByItsCauseClassesAndTheDeepestCausesFirstFrame() {
		IllegalStateException root = thrownAt(new IllegalStateException("secret 42"), "Items", 7);
		RuntimeException wrapper = thrownAt(new RuntimeException("wrapper", root), "Controller", 99);
		assertThat(this.failures.keyOf(wrapper))
			.isEqualTo("java.lang.RuntimeException java.lang.IllegalStateException at com.example.Items.load:7");
	}

	@Test
	void identifiesAJdkMethodsFailureByWhereTheApplicationCalledIt() {
		NumberFormatException inOrders = parseIntFailure();
		NumberFormatException inItems = parseIntFailureElsewhere();
		assertThat(this.failures.keyOf(inOrders))
			.startsWith(
					"java.lang.NumberFormatException at " + RepeatedFailuresTests.class.getName() + ".parseIntFailure:")
			.isNotEqualTo(this.failures.keyOf(inItems));
		assertThat(this.failures.keyOf(parseIntFailure())).isEqualTo(this.failures.keyOf(inOrders));
	}

	@Test
	void identifiesALibrarysFailureByWhereTheApplicationCalledIt() {
		RepeatedFailures failures = new RepeatedFailures(INTERVAL, this.clock,
				List.of(RepeatedFailuresTests.class.getPackageName()));
		IllegalArgumentException inOwners = assertFailure();
		IllegalArgumentException inVets = assertFailureElsewhere();
		assertThat(failures.keyOf(inOwners))
			.startsWith("java.lang.IllegalArgumentException at " + Assert.class.getName() + ".isTrue:")
			.contains(" from " + RepeatedFailuresTests.class.getName() + ".assertFailure:")
			.isNotEqualTo(failures.keyOf(inVets));
		assertThat(failures.record(inOwners, "rq_owners").isFirst()).isTrue();
		assertThat(failures.record(inVets, "rq_vets").isFirst()).isTrue();
	}

	@Test
	void groupsALibrarysFailureCalledFromTheSameApplicationFrame() {
		RepeatedFailures failures = new RepeatedFailures(INTERVAL, this.clock,
				List.of(RepeatedFailuresTests.class.getPackageName()));
		assertThat(failures.record(assertFailure(), "rq_1").isFirst()).isTrue();
		RepeatedFailures.Occurrence repeat = failures.record(assertFailure(), "rq_2");
		assertThat(repeat.isFirst()).isFalse();
		assertThat(repeat.requestId()).isEqualTo("rq_1");
	}

	@Test
	void identifiesALibrarysFailureByItsFirstFrameWithoutApplicationPackages() {
		assertThat(this.failures.keyOf(assertFailure()))
			.isEqualTo("java.lang.IllegalArgumentException at " + Assert.class.getName() + ".isTrue:"
					+ assertFailure().getStackTrace()[0].getLineNumber())
			.isEqualTo(this.failures.keyOf(assertFailureElsewhere()));
	}

	@Test
	void identifiesALibrarysFailureByItsFirstFrameWhenNoFrameIsTheApplications() {
		RepeatedFailures failures = new RepeatedFailures(INTERVAL, this.clock, List.of("com.example.shop"));
		IllegalStateException failure = new IllegalStateException("pool");
		failure.setStackTrace(new StackTraceElement[] { frame("org.library.Pool", "borrow", 12),
				frame("com.example.shopping.Carts", "load", 3) });
		assertThat(failures.keyOf(failure)).isEqualTo("java.lang.IllegalStateException at org.library.Pool.borrow:12");
	}

	@Test
	void identifiesAnApplicationsOwnFailureByItsFirstFrameOnly() {
		RepeatedFailures failures = new RepeatedFailures(INTERVAL, this.clock, List.of("com.example"));
		IllegalStateException failure = new IllegalStateException("own");
		failure.setStackTrace(new StackTraceElement[] { frame("java.util.Objects", "requireNonNull", 233),
				frame("com.example.Items", "load", 7), frame("com.example.ItemController", "find", 21) });
		assertThat(failures.keyOf(failure)).isEqualTo("java.lang.IllegalStateException at com.example.Items.load:7");
	}

	@Test
	void identifiesAFailureWhollyInsideTheJdkByItsFirstFrame() {
		IllegalStateException failure = new IllegalStateException("jdk");
		failure.setStackTrace(new StackTraceElement[] { new StackTraceElement(null, "java.base", "17",
				"java.util.Objects", "requireNonNull", "Objects.java", 233) });
		assertThat(this.failures.keyOf(failure))
			.isEqualTo("java.lang.IllegalStateException at java.util.Objects.requireNonNull:233");
	}

	private static IllegalArgumentException assertFailure() {
		try {
			Assert.isTrue(false, "Page index must not be less than zero");
			throw new AssertionError("asserted");
		}
		catch (IllegalArgumentException ex) {
			return ex;
		}
	}

	private static IllegalArgumentException assertFailureElsewhere() {
		try {
			Assert.isTrue(false, "Page index must not be less than zero");
			throw new AssertionError("asserted");
		}
		catch (IllegalArgumentException ex) {
			return ex;
		}
	}

	private static StackTraceElement frame(String className, String methodName, int line) {
		return new StackTraceElement(className, methodName, null, line);
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
		assertThat(this.failures.keyOf(failure)).isEqualTo("java.lang.IllegalStateException");
	}

	@Test
	void stopsAtACycleInTheCauseChain() {
		IllegalStateException first = thrownAt(new IllegalStateException("first"), "First", 1);
		IllegalArgumentException second = thrownAt(new IllegalArgumentException("second"), "Second", 2);
		first.initCause(second);
		second.initCause(first);
		assertThat(this.failures.keyOf(first)).isEqualTo(
				"java.lang.IllegalStateException java.lang.IllegalArgumentException at com.example.Second.load:2");
	}

	@Test
	void boundsTheDepthOfTheCauseChain() {
		Throwable failure = thrownAt(new IllegalStateException("root"), "Root", 1);
		for (int i = 0; i < 40; i++) {
			failure = new RuntimeException(failure);
		}
		String key = this.failures.keyOf(failure);
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
