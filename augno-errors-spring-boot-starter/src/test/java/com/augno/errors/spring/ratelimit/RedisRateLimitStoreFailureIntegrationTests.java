package com.augno.errors.spring.ratelimit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.augno.errors.test.AugnoErrors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store-failure policies against a Redis server of the test's own, on a random port,
 * that is started late, killed, restarted and frozen (SIGSTOP) under two instances: one
 * that rejects (service_unavailable) and one that allows. Every answer comes within the
 * 300 ms timeout plus a margin, none is a 500, and the log has a WARN line and no driver
 * stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisRateLimitStoreFailureIntegrationTests {

	// The timeout is 300 ms; a Lettuce client left at its defaults would wait 60 s. The
	// margin is for a machine whose load runs far above its cores.
	private static final Duration BOUND = Duration.ofSeconds(5);

	private @Nullable Process redis;

	private @Nullable ConfigurableApplicationContext rejecting;

	private @Nullable ConfigurableApplicationContext allowing;

	@AfterEach
	void stop() {
		if (this.rejecting != null) {
			this.rejecting.close();
		}
		if (this.allowing != null) {
			this.allowing.close();
		}
		stopRedis();
	}

	@Test
	void storeFailurePolicyHoldsWhileRedisIsDownOrFrozenAndLimitsResumeWhenItIsBack(CapturedOutput output)
			throws Exception {
		int redisPort = freePort();
		String prefix = RateLimitTestApplication.uniquePrefix();
		String[] common = { "augno.errors.rate-limits.store=redis",
				"augno.errors.rate-limits.redis.url=redis://127.0.0.1:" + redisPort,
				"augno.errors.rate-limits.redis.timeout=300ms", "augno.errors.rate-limits.key-prefix=" + prefix };
		this.rejecting = RateLimitTestApplication
			.start(with(common, "augno.errors.rate-limits.on-store-failure=reject"));
		this.allowing = RateLimitTestApplication
			.start(with(common, "augno.errors.rate-limits.on-store-failure=proceed"));
		int rejectingPort = RateLimitTestApplication.port(this.rejecting);
		int allowingPort = RateLimitTestApplication.port(this.allowing);

		// Redis not there yet: both instances started, and each answers by its policy.
		assertRejected(rejectingPort);
		assertAllowedWithoutLimit(allowingPort);

		startRedis(redisPort);
		awaitLimited(rejectingPort);
		awaitLimited(allowingPort);

		stopRedis();
		assertRejected(rejectingPort);
		assertAllowedWithoutLimit(allowingPort);

		startRedis(redisPort);
		awaitLimited(rejectingPort);
		awaitLimited(allowingPort);

		signal("STOP");
		try {
			assertRejected(rejectingPort);
			assertAllowedWithoutLimit(allowingPort);
		}
		finally {
			signal("CONT");
		}
		awaitLimited(rejectingPort);

		assertThat(output).contains("requests are refused with service_unavailable")
			.contains("requests are let through without a limit")
			.doesNotContain("\tat io.lettuce", "\tat io.netty", "\tat io.github.bucket4j");
	}

	private static void assertRejected(int port) {
		long start = System.nanoTime();
		HttpResponse<String> response = RateLimitTestApplication.get(port, "/limited");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(response.headers().firstValue("RateLimit")).isEmpty();
		AugnoErrors.assertThat(response)
			.isAugnoError("service_unavailable")
			.hasStatus(503)
			.hasMessage("The service is temporarily unavailable. Please try again later.")
			.hasNoParam()
			.isTransient()
			.hasNoQuota();
		assertThat(response.body().toLowerCase()).doesNotContain("redis", "lettuce", "bucket4j");
	}

	private static void assertAllowedWithoutLimit(int port) {
		long start = System.nanoTime();
		HttpResponse<String> response = RateLimitTestApplication.get(port, "/limited");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("RateLimit")).isEmpty();
	}

	private static void awaitLimited(int port) {
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			HttpResponse<String> response = RateLimitTestApplication.get(port, "/free");
			assertThat(response.statusCode()).isEqualTo(200);
			HttpResponse<String> limited = RateLimitTestApplication.get(port, "/limited");
			assertThat(limited.statusCode()).isIn(200, 429);
			assertThat(limited.headers().firstValue("RateLimit")).isPresent();
		});
	}

	private void startRedis(int port) throws IOException {
		Path log = Files.createTempFile("augno-redis-", ".log");
		this.redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> RateLimitTestApplication.redisAnswers(port));
	}

	private void stopRedis() {
		Process process = this.redis;
		if (process == null) {
			return;
		}
		this.redis = null;
		signalProcess(process, "CONT");
		process.destroyForcibly();
		try {
			assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void signal(String signal) throws Exception {
		Process process = this.redis;
		assertThat(process).isNotNull();
		signalProcess(process, signal);
	}

	private static void signalProcess(Process process, String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
			assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String[] with(String[] common, String property) {
		String[] all = java.util.Arrays.copyOf(common, common.length + 1);
		all[common.length] = property;
		return all;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
