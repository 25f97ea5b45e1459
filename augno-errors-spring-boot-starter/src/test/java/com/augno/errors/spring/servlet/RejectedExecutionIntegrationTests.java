package com.augno.errors.spring.servlet;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.resilience.annotation.ConcurrencyLimit;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work this instance refuses for want of capacity, over a real Tomcat: a method of Spring
 * Framework 7's {@code @ConcurrencyLimit(policy = REJECT)} at its limit, and a
 * {@code Callable} whose task executor is at its concurrency limit. Both are
 * {@code service_unavailable} (503, transient), never a 500 nor the executor's text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
@ExtendWith(OutputCaptureExtension.class)
class RejectedExecutionIntegrationTests {

	private static final String UNAVAILABLE = "The service is temporarily unavailable. Please try again later.";

	@LocalServerPort
	private int port;

	@Autowired
	private Gate gate;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@AfterEach
	void openTheGate() {
		this.gate.open();
	}

	@Test
	void aConcurrencyLimitThatRejectsIsServiceUnavailable(CapturedOutput output) throws Exception {
		CompletableFuture<HttpResponse<String>> holder = holdTheOnlyPermit("/busy/limited");
		HttpResponse<String> refused = this.http.get("/busy/limited");
		String requestId = AugnoErrors.assertThat(refused)
			.isAugnoError("service_unavailable")
			.hasMessage(UNAVAILABLE)
			.hasNoParam()
			.requestId();
		assertThat(refused.body()).doesNotContain("Concurrency", "limit", "Rejected", "Ledger");
		assertThat(output).contains("503 service_unavailable for GET /busy/limited (request_id=" + requestId + ")");
		this.gate.open();
		assertThat(holder.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
	}

	@Test
	void aCallableItsExecutorRejectsIsServiceUnavailable() throws Exception {
		CompletableFuture<HttpResponse<String>> holder = holdTheOnlyPermit("/busy/callable");
		HttpResponse<String> refused = this.http.get("/busy/callable");
		AugnoErrors.assertThat(refused).isAugnoError("service_unavailable").hasMessage(UNAVAILABLE).hasNoParam();
		assertThat(refused.body()).doesNotContain("Executor", "accept", "Rejected");
		this.gate.open();
		assertThat(holder.get(10, TimeUnit.SECONDS).body()).isEqualTo("done");
	}

	/**
	 * Send a request that takes the only permit and waits at the gate, and return once it
	 * holds the permit.
	 */
	private CompletableFuture<HttpResponse<String>> holdTheOnlyPermit(String path) throws InterruptedException {
		this.gate.close();
		CompletableFuture<HttpResponse<String>> holder = HttpClient.newHttpClient()
			.sendAsync(this.http.request(path).timeout(Duration.ofSeconds(10)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(this.gate.awaitArrival()).as("the first request reached the gate").isTrue();
		return holder;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableResilientMethods
	@Import({ BusyController.class, Ledger.class })
	static class TestApplication implements WebMvcConfigurer {

		@Override
		public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
			SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("callable-");
			executor.setConcurrencyLimit(1);
			executor.setRejectTasksWhenLimitReached(true);
			configurer.setTaskExecutor(executor);
		}

		@Bean
		Gate gate() {
			return new Gate();
		}

	}

	/**
	 * Where the first request waits, holding the only permit, until the test opens it.
	 */
	static final class Gate {

		private final Semaphore arrivals = new Semaphore(0);

		private volatile CountDownLatch open = new CountDownLatch(0);

		void close() {
			this.arrivals.drainPermits();
			this.open = new CountDownLatch(1);
		}

		void open() {
			this.open.countDown();
		}

		boolean awaitArrival() throws InterruptedException {
			return this.arrivals.tryAcquire(10, TimeUnit.SECONDS);
		}

		void pass() throws InterruptedException {
			this.arrivals.release();
			this.open.await(10, TimeUnit.SECONDS);
		}

	}

	/**
	 * A service that runs one call at a time and rejects the others.
	 */
	static class Ledger {

		private final Gate gate;

		Ledger(Gate gate) {
			this.gate = gate;
		}

		@ConcurrencyLimit(limit = 1, policy = ConcurrencyLimit.ThrottlePolicy.REJECT)
		public String post() throws InterruptedException {
			this.gate.pass();
			return "posted";
		}

	}

	@RestController
	static class BusyController {

		private final Ledger ledger;

		private final Gate gate;

		BusyController(Ledger ledger, Gate gate) {
			this.ledger = ledger;
			this.gate = gate;
		}

		@GetMapping("/busy/limited")
		String limited() throws InterruptedException {
			return this.ledger.post();
		}

		@GetMapping("/busy/callable")
		Callable<String> callable() {
			return () -> {
				this.gate.pass();
				return "done";
			};
		}

	}

}
