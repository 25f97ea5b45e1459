package com.augno.errors.spring.idempotency;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.augno.errors.ErrorType;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that runs far longer than the lock timeout keeps its key, because its
 * in-flight marker is renewed every half lock timeout while it runs: a retry meanwhile
 * gets idempotency_in_progress and never executes the handler a second time.
 */
@SpringBootTest(classes = IdempotencyIntegrationTests.TestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "augno.errors.idempotency.enabled=true", "augno.errors.idempotency.lock-timeout=200ms",
				"server.shutdown=immediate" })
@ExtendWith(OutputCaptureExtension.class)
class IdempotencyLockRenewalTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String name = "renewed-" + UUID.randomUUID();

	private final String key = "key_" + UUID.randomUUID();

	@LocalServerPort
	private int port;

	@Test
	void aRetryLongAfterTheLockTimeoutOfARunningRequestIsInProgress() throws Exception {
		// Runs for 2 s, ten times the lock timeout.
		CompletableFuture<HttpResponse<String>> first = this.http
			.sendAsync(request().header("Delay-Ms", "2000").build(), HttpResponse.BodyHandlers.ofString());
		// Well past the 200 ms the marker was claimed with, while the first still runs.
		Thread.sleep(800);
		assertThat(first).isNotDone();
		HttpResponse<String> retry = this.http.send(request().build(), HttpResponse.BodyHandlers.ofString());
		AugnoErrors.assertThat(retry)
			.isAugnoError("idempotency_in_progress", ErrorType.IDEMPOTENCY_ERROR)
			.hasStatus(409)
			.hasMessage("Request for the idempotency key '" + this.key + "' is already being processed.")
			.hasNoParam()
			.isTransient();
		HttpResponse<String> answer = first.get();
		assertThat(answer.statusCode()).isEqualTo(201);
		assertThat(answer.body()).contains("\"execution\":1");
		HttpResponse<String> replay = this.http.send(request().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(replay.body()).isEqualTo(answer.body());
	}

	@Test
	void aCompletedRequestsRenewalStops(CapturedOutput output) throws Exception {
		HttpResponse<String> answer = this.http.send(request().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(201);
		// Renewals of a completed request would find the completed record and log a WARN;
		// a replay after several lock timeouts still gets the stored answer.
		Thread.sleep(600);
		HttpResponse<String> replay = this.http.send(request().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(replay.body()).isEqualTo(answer.body());
		assertThat(output.getAll()).doesNotContain("was no longer held");
	}

	private HttpRequest.Builder request() {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/orders/" + this.name))
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", this.key)
			.timeout(Duration.ofSeconds(20));
	}

}
