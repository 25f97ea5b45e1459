package com.augno.errors.spring.resilience4j;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.spring.test.ResponseBodies;
import com.augno.errors.test.AugnoErrors;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Resilience4j rows over a real Tomcat, each refusal raised by a real circuit
 * breaker, rate limiter, bulkhead or time limiter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "augno.errors.resilience4j.rate-limit-retry-after=2500ms" })
class Resilience4jErrorsIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void openCircuitIsServiceUnavailable() throws Exception {
		HttpResponse<String> response = this.http.get("/guarded/circuit");
		assertThat(response.headers().firstValue("Retry-After")).isEmpty();
		assertError(response, "service_unavailable", "The service is temporarily unavailable. Please try again later.");
	}

	@Test
	void fullBulkheadIsServiceUnavailable() throws Exception {
		HttpResponse<String> response = this.http.get("/guarded/bulkhead");
		assertError(response, "service_unavailable", "The service is temporarily unavailable. Please try again later.");
	}

	@Test
	void refusedRateLimiterIsRateLimitExceededWithConfiguredRetryAfter() throws Exception {
		HttpResponse<String> response = this.http.get("/guarded/rate");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
		assertError(response, "rate_limit_exceeded", "Too many requests. Please wait before trying again.");
	}

	@Test
	void timeLimiterTimeoutIsTimeout() throws Exception {
		HttpResponse<String> response = this.http.get("/guarded/time");
		assertError(response, "timeout", "The operation timed out.");
	}

	@Test
	void timeLimiterTimeoutOfACompletionStageIsTimeout() throws Exception {
		HttpResponse<String> response = this.http.get("/guarded/time-async");
		assertError(response, "timeout", "The operation timed out.");
	}

	private static void assertError(HttpResponse<String> response, String code, String message) {
		AugnoErrors.assertThat(response).isAugnoError(code).hasMessage(message).hasNoParam();
		assertNoLimiterDetails(response.body());
	}

	private static void assertNoLimiterDetails(String body) {
		assertThat(ResponseBodies.withoutRequestLogUrl(body)).doesNotContain("ledger", "CircuitBreaker", "RateLimiter",
				"Bulkhead", "TimeLimiter", "OPEN");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(GuardedController.class)
	static class TestApplication {

	}

	@RestController
	static class GuardedController implements DisposableBean {

		private static final Duration SLOW_CALL = Duration.ofSeconds(1);

		private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

		@Override
		public void destroy() {
			this.scheduler.shutdownNow();
		}

		@GetMapping("/guarded/circuit")
		String circuit() {
			CircuitBreaker circuitBreaker = CircuitBreaker.ofDefaults("ledger");
			circuitBreaker.transitionToForcedOpenState();
			return circuitBreaker.executeSupplier(() -> "never");
		}

		@GetMapping("/guarded/bulkhead")
		String bulkhead() {
			Bulkhead bulkhead = Bulkhead.of("ledger",
					BulkheadConfig.custom().maxConcurrentCalls(1).maxWaitDuration(Duration.ZERO).build());
			assertThat(bulkhead.tryAcquirePermission()).isTrue();
			return bulkhead.executeSupplier(() -> "never");
		}

		@GetMapping("/guarded/rate")
		String rate() {
			RateLimiter rateLimiter = RateLimiter.of("ledger",
					RateLimiterConfig.custom()
						.limitForPeriod(1)
						.limitRefreshPeriod(Duration.ofMinutes(1))
						.timeoutDuration(Duration.ZERO)
						.build());
			rateLimiter.executeSupplier(() -> "first");
			return rateLimiter.executeSupplier(() -> "never");
		}

		@GetMapping("/guarded/time")
		String time() throws Exception {
			return timeLimiter().executeFutureSupplier(() -> CompletableFuture.supplyAsync(GuardedController::slow));
		}

		@GetMapping("/guarded/time-async")
		String timeAsync() {
			return timeLimiter()
				.executeCompletionStage(this.scheduler, () -> CompletableFuture.supplyAsync(GuardedController::slow))
				.toCompletableFuture()
				.join();
		}

		private static TimeLimiter timeLimiter() {
			return TimeLimiter.of("ledger", TimeLimiterConfig.custom().timeoutDuration(Duration.ofMillis(100)).build());
		}

		private static String slow() {
			try {
				Thread.sleep(SLOW_CALL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "late";
		}

	}

}
