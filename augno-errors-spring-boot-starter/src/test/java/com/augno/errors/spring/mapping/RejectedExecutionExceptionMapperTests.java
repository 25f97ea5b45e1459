package com.augno.errors.spring.mapping;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;

import org.springframework.core.task.TaskRejectedException;
import org.springframework.resilience.InvocationRejectedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RejectedExecutionExceptionMapper}: work refused for want of capacity is
 * {@code service_unavailable}, whoever refused it.
 */
class RejectedExecutionExceptionMapperTests {

	private final RejectedExecutionExceptionMapper mapper = new RejectedExecutionExceptionMapper();

	@Test
	void aFullExecutorIsServiceUnavailable() {
		assertServiceUnavailable(this.mapper.map(new TaskRejectedException(
				"Executor [java.util.concurrent.ThreadPoolExecutor@1f] did not accept task")));
	}

	@Test
	void aConcurrencyLimitThatRejectsIsServiceUnavailable() {
		assertServiceUnavailable(this.mapper.map(new InvocationRejectedException("Concurrency limit reached", this)));
	}

	@Test
	void theJdksOwnRejectionIsServiceUnavailable() {
		assertServiceUnavailable(this.mapper.map(new RejectedExecutionException()));
	}

	@Test
	void otherFailuresAreNotItsConcern() {
		assertThat(this.mapper.map(new IllegalStateException("Executor is busy"))).isNull();
		assertThat(this.mapper.map(new RuntimeException(new RejectedExecutionException()))).isNull();
	}

	@Test
	void aRejectionInsideAPureWrapperIsFoundByTheChain() {
		CompositeExceptionMapper chain = new CompositeExceptionMapper(List.of(this.mapper));
		assertServiceUnavailable(chain.map(new CompletionException(new TaskRejectedException("full"))));
	}

	private static void assertServiceUnavailable(MappedError mapped) {
		assertThat(mapped).isNotNull();
		assertThat(mapped.code().code()).isEqualTo("service_unavailable");
		assertThat(mapped.code().status()).isEqualTo(503);
		assertThat(mapped.code().isTransient()).isTrue();
		assertThat(mapped.message()).isNull();
	}

}
