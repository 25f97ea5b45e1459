package com.augno.errors.spring.client;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What {@link DownstreamRetryPolicy} retries, and how long it waits, through Spring's own
 * {@link RetryTemplate}.
 */
class DownstreamRetryPolicyTests {

	// A fixed "random" of 0.75 spreads each delay by +25% of the jitter's 50%.
	private final DownstreamRetryPolicy policy = new DownstreamRetryPolicy(3, Duration.ofMillis(100), 2.0,
			Duration.ofMillis(300), 0.5, Duration.ofMillis(1500), () -> 0.75);

	@Test
	void transientErrorIsRetriedUntilTheAttemptsRunOut() {
		List<Long> delays = delaysFor(failure(503, "service_unavailable", true, HttpMethod.GET, false, null));
		// 100 ms and 200 ms, each +25% of jitter; the third attempt is the last.
		assertThat(delays).containsExactly(125L, 250L);
	}

	@Test
	void exponentialDelayIsCappedByMaxDelay() {
		DownstreamRetryPolicy many = new DownstreamRetryPolicy(6, Duration.ofMillis(100), 2.0, Duration.ofMillis(300),
				0.0, Duration.ofSeconds(1), () -> 0.75);
		BackOffExecution execution = many.getBackOff().start();
		List<Long> delays = new ArrayList<>();
		for (long next = execution.nextBackOff(); next != BackOffExecution.STOP; next = execution.nextBackOff()) {
			delays.add(next);
		}
		assertThat(delays).containsExactly(100L, 200L, 300L, 300L, 300L);
	}

	@Test
	void jitterStaysWithinItsFraction() {
		DownstreamRetryPolicy low = new DownstreamRetryPolicy(2, Duration.ofMillis(1000), 2.0, Duration.ofSeconds(5),
				0.5, Duration.ofSeconds(1), () -> 0.0);
		DownstreamRetryPolicy high = new DownstreamRetryPolicy(2, Duration.ofMillis(1000), 2.0, Duration.ofSeconds(5),
				0.5, Duration.ofSeconds(1), () -> 1.0);
		assertThat(low.getBackOff().start().nextBackOff()).isEqualTo(500L);
		assertThat(high.getBackOff().start().nextBackOff()).isEqualTo(1500L);
	}

	@Test
	void retryAfterIsWaitedInsteadOfTheBackOff() {
		List<Long> delays = delaysFor(
				failure(429, "rate_limit_exceeded", true, HttpMethod.GET, false, Duration.ofSeconds(1)));
		assertThat(delays).containsExactly(1000L, 1000L);
	}

	@Test
	void retryAfterIsCappedByMaxRetryAfter() {
		List<Long> delays = delaysFor(
				failure(503, "service_unavailable", true, HttpMethod.GET, false, Duration.ofSeconds(120)));
		assertThat(delays).containsExactly(1500L, 1500L);
	}

	@Test
	void nonTransientErrorIsNotRetried() {
		assertThat(delaysFor(failure(400, "validation_failed", false, HttpMethod.GET, false, null))).isEmpty();
		assertThat(delaysFor(failure(404, "resource_not_found", false, HttpMethod.GET, false, null))).isEmpty();
	}

	@Test
	void postWithoutIdempotencyKeyIsNotRetried() {
		assertThat(delaysFor(failure(503, "service_unavailable", true, HttpMethod.POST, false, null))).isEmpty();
		assertThat(delaysFor(failure(503, "service_unavailable", true, HttpMethod.PATCH, false, null))).isEmpty();
	}

	@Test
	void postWithIdempotencyKeyIsRetried() {
		assertThat(delaysFor(failure(503, "service_unavailable", true, HttpMethod.POST, true, null))).hasSize(2);
	}

	@Test
	void refusedConnectionIsRetriedWhateverTheMethod() {
		ResourceAccessException refused = new ResourceAccessException("I/O error",
				new DownstreamIOException(HttpMethod.POST, false, new ConnectException("Connection refused")));
		assertThat(delaysFor(refused)).hasSize(2);
		assertThat(DownstreamRetryPolicy
			.isRetryable(new ResourceAccessException("I/O error", new ConnectException("Connection refused"))))
			.isTrue();
	}

	@Test
	void readTimeoutIsRetriedOnlyForIdempotentRequests() {
		assertThat(DownstreamRetryPolicy.isRetryable(new ResourceAccessException("I/O error",
				new DownstreamIOException(HttpMethod.GET, false, new SocketTimeoutException("Read timed out")))))
			.isTrue();
		assertThat(DownstreamRetryPolicy.isRetryable(new ResourceAccessException("I/O error",
				new DownstreamIOException(HttpMethod.POST, false, new SocketTimeoutException("Read timed out")))))
			.isFalse();
		assertThat(DownstreamRetryPolicy.isRetryable(new ResourceAccessException("I/O error",
				new DownstreamIOException(HttpMethod.POST, true, new SocketTimeoutException("Read timed out")))))
			.isTrue();
	}

	@Test
	void ioFailureOfSpringsOwnClientsIsRetriedByItsMethodAndTheKeyOnlyThroughTheFactory() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread resetter = new Thread(() -> resetEveryConnection(server), "resetter");
			resetter.setDaemon(true);
			resetter.start();
			String url = "http://127.0.0.1:" + server.getLocalPort() + "/labels";
			RestClient client = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build();
			Throwable get = catchThrowable(() -> client.get().uri(url).retrieve().toBodilessEntity());
			Throwable keyedPost = catchThrowable(() -> client.post()
				.uri(url)
				.header("Idempotency-Key", "k1")
				.body("label")
				.retrieve()
				.toBodilessEntity());
			assertThat(get).isInstanceOf(ResourceAccessException.class).hasMessageStartingWith("I/O error on GET");
			assertThat(DownstreamRetryPolicy.isRetryable(get)).isTrue();
			assertThat(keyedPost).isInstanceOf(ResourceAccessException.class);
			assertThat(DownstreamRetryPolicy.isRetryable(keyedPost)).isFalse();
			RestClient wrapped = RestClient.builder()
				.requestFactory(new DownstreamIOExceptionRequestFactory(new JdkClientHttpRequestFactory()))
				.build();
			Throwable wrappedPost = catchThrowable(() -> wrapped.post()
				.uri(url)
				.header("Idempotency-Key", "k1")
				.body("label")
				.retrieve()
				.toBodilessEntity());
			assertThat(wrappedPost).hasCauseInstanceOf(DownstreamIOException.class);
			assertThat(DownstreamRetryPolicy.isRetryable(wrappedPost)).isTrue();
			RestTemplate template = new RestTemplate(new SimpleClientHttpRequestFactory());
			assertThat(
					DownstreamRetryPolicy.isRetryable(catchThrowable(() -> template.getForObject(url, String.class))))
				.isTrue();
			assertThat(DownstreamRetryPolicy
				.isRetryable(catchThrowable(() -> template.postForObject(url, "label", String.class)))).isFalse();
		}
	}

	/**
	 * Accept every connection, read the request and reset the connection without an
	 * answer, so that a call fails on I/O after the request reached the downstream.
	 */
	private static void resetEveryConnection(ServerSocket server) {
		while (!server.isClosed()) {
			try (Socket socket = server.accept()) {
				socket.getInputStream().read(new byte[8192]);
				socket.setSoLinger(true, 0);
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	@Test
	void otherFailuresAreNotRetried() {
		assertThat(DownstreamRetryPolicy.isRetryable(new IllegalStateException("bug"))).isFalse();
		assertThat(DownstreamRetryPolicy.isRetryable(new IOException("unknown request"))).isFalse();
	}

	@Test
	void methodRetryPredicateGivesTheSameDecision() throws Exception {
		DownstreamRetryPredicate predicate = new DownstreamRetryPredicate();
		Method method = Object.class.getMethod("toString");
		assertThat(
				predicate.shouldRetry(method, failure(503, "service_unavailable", true, HttpMethod.GET, false, null)))
			.isTrue();
		assertThat(
				predicate.shouldRetry(method, failure(503, "service_unavailable", true, HttpMethod.POST, false, null)))
			.isFalse();
	}

	@Test
	void retryableAnnotationWithThePredicateRetriesOnlyWhatThePolicyWould() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
				ResilientConfiguration.class)) {
			FlakyCaller caller = context.getBean(FlakyCaller.class);
			RuntimeException transientGet = failure(503, "service_unavailable", true, HttpMethod.GET, false, null);
			assertThatExceptionOfType(DownstreamErrorException.class).isThrownBy(() -> caller.call(transientGet));
			assertThat(caller.calls()).hasValue(3);
			caller.calls().set(0);
			RuntimeException transientPost = failure(503, "service_unavailable", true, HttpMethod.POST, false, null);
			assertThatExceptionOfType(DownstreamErrorException.class).isThrownBy(() -> caller.call(transientPost));
			assertThat(caller.calls()).hasValue(1);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableResilientMethods
	static class ResilientConfiguration {

		@Bean
		FlakyCaller flakyCaller() {
			return new FlakyCaller();
		}

	}

	static class FlakyCaller {

		private final AtomicInteger calls = new AtomicInteger();

		// Through the method, not the field: the bean is a class-based proxy.
		public AtomicInteger calls() {
			return this.calls;
		}

		@Retryable(predicate = DownstreamRetryPredicate.class, maxRetries = 2, delay = 10, jitter = 0)
		public void call(RuntimeException failure) {
			this.calls.incrementAndGet();
			throw failure;
		}

	}

	/**
	 * Run a call that always fails with the given failure through a RetryTemplate and
	 * record each back-off delay the policy asked for.
	 */
	private List<Long> delaysFor(RuntimeException failure) {
		List<Long> delays = new ArrayList<>();
		AtomicInteger attempts = new AtomicInteger();
		RetryTemplate template = new RetryTemplate(new RecordingPolicy(this.policy, delays));
		assertThatExceptionOfType(RetryException.class).isThrownBy(() -> template.execute(() -> {
			attempts.incrementAndGet();
			throw failure;
		}));
		assertThat(attempts).hasValue(delays.size() + 1);
		return delays;
	}

	/**
	 * The policy under test, with a back-off that records each delay and does not wait.
	 */
	private record RecordingPolicy(RetryPolicy delegate, List<Long> delays) implements RetryPolicy {

		@Override
		public boolean shouldRetry(Throwable throwable) {
			return this.delegate.shouldRetry(throwable);
		}

		@Override
		public BackOff getBackOff() {
			return () -> {
				BackOffExecution execution = this.delegate.getBackOff().start();
				return () -> {
					long delay = execution.nextBackOff();
					if (delay == BackOffExecution.STOP) {
						return delay;
					}
					this.delays.add(delay);
					return 0;
				};
			};
		}

	}

	private static DownstreamErrorException failure(int status, String code, boolean isTransient, HttpMethod method,
			boolean idempotencyKey, @Nullable Duration retryAfter) {
		DownstreamError error = new DownstreamError(status, code, null, null, null, isTransient, null, "rq_b",
				retryAfter, true);
		return new DownstreamErrorException(error, new HttpHeaders(), method, idempotencyKey, false);
	}

}
