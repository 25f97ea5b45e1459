package com.augno.errors.test;

import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Makes the running Spring test's context known to {@link ErrorContract#current()}, so
 * that an assertion checks a response against the application's own registry, links and
 * request id header without being handed them. Registered as a default listener in
 * {@code META-INF/spring.factories}.
 *
 * @since 0.1.0
 */
public final class ErrorContractTestExecutionListener implements TestExecutionListener, Ordered {

	private static final ThreadLocal<TestContext> CURRENT = new ThreadLocal<>();

	static @Nullable TestContext current() {
		return CURRENT.get();
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		CURRENT.set(testContext);
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		CURRENT.remove();
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
