package com.augno.errors.spring.ratelimit;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of one application, each its own Spring context and Tomcat, share the
 * real Redis of the machine (127.0.0.1:6379, under a key prefix of their own): a limit of
 * 10 per 10 s holds across both, window after window. This runs Bucket4j's Lettuce
 * module, built against Lettuce 6, on the Lettuce 7 of Spring Boot 4.1.
 */
class RedisRateLimitAcrossInstancesIntegrationTests {

	private static final int LIMIT = 10;

	private static final long WINDOW_SECONDS = 10;

	private static final int REQUESTS = 60;

	private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeAll
	static void startTwoInstances() {
		RateLimitTestApplication.requireRedis(6379);
		String prefix = RateLimitTestApplication.uniquePrefix();
		for (int i = 0; i < 2; i++) {
			instances.add(RateLimitTestApplication.start("augno.errors.rate-limits.store=redis",
					"augno.errors.rate-limits.redis.url=redis://127.0.0.1:6379",
					// The store's timeout is RedisRateLimitStoreFailureIntegrationTests'
					// concern:
					// here 60 requests contend for one key on a loaded machine, and a 503
					// after
					// the default 500 ms would hide what this test counts.
					"augno.errors.rate-limits.redis.timeout=10s", "augno.errors.rate-limits.key-prefix=" + prefix));
		}
	}

	@AfterAll
	static void stopInstances() {
		instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void exactlyTheLimitIsAcceptedPerWindowAcrossBothInstances() throws Exception {
		int[] ports = instances.stream().mapToInt(RateLimitTestApplication::port).toArray();
		for (int port : ports) {
			assertThat(RateLimitTestApplication.get(port, "/free").statusCode()).isEqualTo(200);
		}
		long firstWindowStart = System.nanoTime();
		List<HttpResponse<String>> first = burst(ports);
		Duration firstBurst = Duration.ofNanos(System.nanoTime() - firstWindowStart);
		assertThat(firstBurst).as("the burst must fit in one window to count it").isLessThan(Duration.ofSeconds(8));
		long longestRetryAfter = assertExactlyTheLimitAccepted(first);

		Thread.sleep(Duration.ofSeconds(longestRetryAfter).plusMillis(200).toMillis());
		List<HttpResponse<String>> second = burst(ports);
		assertExactlyTheLimitAccepted(second);
	}

	private static long assertExactlyTheLimitAccepted(List<HttpResponse<String>> responses) {
		assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 429);
		List<HttpResponse<String>> accepted = responses.stream().filter((r) -> r.statusCode() == 200).toList();
		List<HttpResponse<String>> refused = responses.stream().filter((r) -> r.statusCode() == 429).toList();
		assertThat(accepted).hasSize(LIMIT);
		assertThat(refused).hasSize(REQUESTS - LIMIT);
		assertThat(accepted).allSatisfy((response) -> {
			assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"limited\";q=10;w=10");
			assertThat(response.headers().firstValue("RateLimit").orElseThrow()).matches("\"limited\";r=\\d;t=\\d+");
		});
		// Each remaining count from 9 down to 0 is given once, whichever instance
		// answered.
		assertThat(accepted.stream()
			.map((r) -> r.headers().firstValue("RateLimit").orElseThrow().replaceAll(".*;r=(\\d+);.*", "$1"))
			.sorted()
			.toList()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
		long longest = 0;
		for (HttpResponse<String> response : refused) {
			long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
			assertThat(retryAfter).isBetween(1L, WINDOW_SECONDS);
			assertThat(response.headers().firstValue("RateLimit").orElseThrow())
				.isEqualTo("\"limited\";r=0;t=" + retryAfter);
			AugnoErrors.assertThat(response)
				.isAugnoError("rate_limit_exceeded")
				.hasStatus(429)
				.hasMessage("Too many requests. Please wait before trying again.")
				.hasNoParam()
				.isTransient()
				.hasNoQuota();
			longest = Math.max(longest, retryAfter);
		}
		return longest;
	}

	private static List<HttpResponse<String>> burst(int[] ports) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(12);
		try {
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			for (int i = 0; i < REQUESTS; i++) {
				int port = ports[i % ports.length];
				futures.add(executor.submit(() -> RateLimitTestApplication.get(port, "/limited")));
			}
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (Future<HttpResponse<String>> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
