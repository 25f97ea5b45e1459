package com.augno.errors.spring.idempotency;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.augno.errors.ErrorType;
import com.augno.errors.spring.test.LogLines;
import com.augno.errors.test.AugnoErrors;
import io.lettuce.core.resource.Delay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency keys across instances: two instances of one application (two Spring
 * contexts on two random ports) share the machine's Redis under a key prefix of this
 * run's own; and instances on a Redis of the test's own, which the test kills and starts
 * again, keep their failure policy and their timeouts.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisIdempotencyIntegrationTests {

	private static final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();

	private static final String PREFIX = "augno-test:" + UUID.randomUUID() + ":";

	private static final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private static PrivateRedisServer privateRedis;

	private static int first;

	private static int second;

	private static int rejecting;

	private static int counting;

	private static int proceeding;

	private static int shortLock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startInstances() throws Exception {
		PrivateRedisServer.Redis.requireLocalRedis();
		privateRedis = PrivateRedisServer.start();
		// On the machine's Redis, shared with other builds on a busy machine: a generous
		// timeout, as this test is about exactly-once execution, not about timeouts.
		first = start(6379, "reject", "5s");
		second = start(6379, "reject", "5s");
		rejecting = start(privateRedis.port(), "reject", "500ms");
		// Counting round trips is not about timeouts either: a reloaded script takes
		// three
		// round trips, which a busy machine can stretch past the outage tests' 500 ms.
		counting = start(privateRedis.port(), "reject", "5s");
		proceeding = start(privateRedis.port(), "proceed", "500ms");
		shortLock = start(privateRedis.port(), "reject", "5s", "augno.errors.idempotency.lock-timeout=1s");
	}

	@AfterAll
	static void stopInstances() {
		contexts.forEach(ConfigurableApplicationContext::close);
		if (privateRedis != null) {
			privateRedis.close();
		}
	}

	private static int start(int redisPort, String onStoreFailure, String timeout, String... more) throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ChargesApplication.class).properties(more)
			.properties("server.port=0", "server.shutdown=immediate", "spring.main.banner-mode=off",
					"augno.errors.idempotency.enabled=true", "augno.errors.idempotency.store=redis",
					"augno.errors.idempotency.redis.key-prefix=" + PREFIX,
					"augno.errors.idempotency.redis.timeout=" + timeout,
					"augno.errors.idempotency.on-store-failure=" + onStoreFailure, "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redisPort, "spring.data.redis.connect-timeout=500ms")
			.run();
		contexts.add(context);
		int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		// The first command loads Lettuce's and Netty's classes, which may take longer
		// than a command may on a busy machine.
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (post(client, port, "warm-up", "warm-up-" + UUID.randomUUID()).statusCode() != 201) {
			assertThat(System.nanoTime()).as("instance on Redis port %d warmed up", redisPort).isLessThan(deadline);
		}
		return port;
	}

	@Test
	void tenThousandConcurrentPostsWithAThousandKeysOnTwoInstancesExecuteEachKeyOnce() throws Exception {
		int keys = 1000;
		int perKey = 10;
		List<Callable<HttpResponse<String>>> requests = new ArrayList<>(keys * perKey);
		for (int k = 0; k < keys; k++) {
			String key = "charge-" + k;
			for (int i = 0; i < perKey; i++) {
				// The requests of a key are sent together, to both instances, so that
				// they race each other.
				int port = (i % 2 == 0) ? first : second;
				requests.add(() -> post(this.http, port, "load", key));
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(64);
		List<HttpResponse<String>> responses = new ArrayList<>();
		long start = System.nanoTime();
		try {
			for (Future<HttpResponse<String>> response : pool.invokeAll(requests, 90, TimeUnit.SECONDS)) {
				responses.add(response.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		Map<String, String> executed = new ConcurrentHashMap<>();
		int replayed = 0;
		int inProgress = 0;
		for (HttpResponse<String> response : responses) {
			String key = response.request().headers().firstValue("Idempotency-Key").orElseThrow();
			if (response.statusCode() == 409) {
				AugnoErrors.assertThat(response)
					.isAugnoError("idempotency_in_progress", ErrorType.IDEMPOTENCY_ERROR)
					.hasMessage("Request for the idempotency key '" + key + "' is already being processed.")
					.hasNoParam()
					.isTransient();
				inProgress++;
			}
			else {
				assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(201);
				if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
					replayed++;
				}
				else {
					assertThat(executed.put(key, response.body())).as("first answer for %s", key).isNull();
				}
			}
		}
		for (HttpResponse<String> response : responses) {
			if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
				String key = response.request().headers().firstValue("Idempotency-Key").orElseThrow();
				assertThat(response.body()).isEqualTo(executed.get(key));
			}
		}
		assertThat(executed).hasSize(keys);
		for (int k = 0; k < keys; k++) {
			assertThat(executions.get("load charge-" + k)).as("executions of charge-%d", k).hasValue(1);
		}
		assertThat(replayed + inProgress).isEqualTo(keys * (perKey - 1));
		assertThat(took).as("time for %d requests", responses.size()).isLessThan(Duration.ofSeconds(60));
	}

	@Test
	void aNewKeyTakesOneRoundTripBeforeTheHandlerAndOneAfterAReplayOne() throws Exception {
		String key = "count-" + UUID.randomUUID();
		// Both scripts loaded, whatever another test did to the server.
		assertThat(post(this.http, counting, "count", "warm-" + key).statusCode()).isEqualTo(201);
		// Its replay, on the connection after its completion: nothing of the warm-up is
		// left for the server to run.
		assertThat(post(this.http, counting, "count", "warm-" + key).headers().firstValue("Idempotent-Replayed"))
			.hasValue("true");
		// What the server receives, as MONITOR reports it: the commands of the instance's
		// connection (one per round trip) and, marked "lua", those its scripts run.
		List<String> received;
		try (Monitor monitor = Monitor.start(privateRedis.port())) {
			assertThat(post(this.http, counting, "count", key).statusCode()).isEqualTo(201);
			// The completion may reach the server after the client has the answer.
			received = monitor.commandsUntilQuiet(6);
		}
		// Before the handler, the claim: one EVALSHA whose script reads the key and sets
		// the in-flight marker; after it, the completion: one EVALSHA that checks the
		// marker and stores the answer, sent before the answer is released but not waited
		// for.
		assertThat(received).containsExactly("evalsha", "lua get", "lua set", "evalsha", "lua get", "lua set");
		try (Monitor monitor = Monitor.start(privateRedis.port())) {
			assertThat(post(this.http, counting, "count", key).headers().firstValue("Idempotent-Replayed"))
				.hasValue("true");
			received = monitor.commandsUntilQuiet(2);
		}
		// A replay: the claim's one EVALSHA finds the stored answer.
		assertThat(received).containsExactly("evalsha", "lua get");
	}

	@Test
	void theResponseDoesNotWaitForTheCompletionAndARetryOnTheSameInstanceIsOrderedAfterIt(CapturedOutput output)
			throws Exception {
		String key = "paused-" + UUID.randomUUID();
		try {
			// The handler pauses the server's write commands: the completion's script
			// waits
			// in Redis, and the answer reaches the client all the same.
			HttpResponse<String> first = post(this.http, counting, "pause", key);
			assertThat(first.statusCode()).isEqualTo(201);
		}
		finally {
			assertThat(privateRedis.command("CLIENT UNPAUSE")).isEqualTo("+OK");
		}
		// The retry's claim goes on the connection after the completion: the replay.
		HttpResponse<String> retry = post(this.http, counting, "pause", key);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(executions.get("pause " + key).get()).isEqualTo(1);
		assertThat(output.getAll()).doesNotContain("The idempotency store failed");
	}

	@Test
	void aRetryRightAfterTheResponseOnTheSameInstanceGetsTheReplay() throws Exception {
		for (int i = 0; i < 50; i++) {
			String key = "right-after-" + i + "-" + UUID.randomUUID();
			assertThat(post(this.http, first, "right-after", key).statusCode()).isEqualTo(201);
			HttpResponse<String> retry = post(this.http, first, "right-after", key);
			assertThat(retry.statusCode()).as("retry of %s: %s", key, retry.body()).isEqualTo(201);
			assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		}
	}

	@Test
	void aCompletionThatFailsAfterTheResponseIsLoggedOnceAndTheKeyExecutesAgainAfterTheLockTimeout(
			CapturedOutput output) throws Exception {
		String key = "refused-" + UUID.randomUUID();
		String failure = "The idempotency store failed for POST /charges/oom (Redis failed: "
				+ "io.lettuce.core.RedisCommandExecutionException): the response was not stored, and retries get "
				+ "idempotency_in_progress until the lock timeout, then execute again";
		try {
			// The handler's first execution makes the server refuse writes (maxmemory):
			// the completion's SET fails, after the client has its answer.
			assertThat(post(this.http, shortLock, "oom", key).statusCode()).isEqualTo(201);
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (!output.getAll().contains(failure)) {
				assertThat(System.nanoTime()).as("the failed completion logged").isLessThan(deadline);
				Thread.sleep(20);
			}
		}
		finally {
			assertThat(privateRedis.command("CONFIG SET maxmemory 0")).isEqualTo("+OK");
		}
		// The in-flight marker holds the key until the lock timeout: retries are in
		// progress, then one executes again, and its answer is replayed.
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		HttpResponse<String> retry = post(this.http, shortLock, "oom", key);
		while (retry.statusCode() == 409) {
			AugnoErrors.assertThat(retry)
				.isAugnoError("idempotency_in_progress", ErrorType.IDEMPOTENCY_ERROR)
				.isTransient();
			assertThat(System.nanoTime()).as("the key executed again").isLessThan(deadline);
			Thread.sleep(100);
			retry = post(this.http, shortLock, "oom", key);
		}
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(executions.get("oom " + key).get()).isEqualTo(2);
		assertThat(post(this.http, shortLock, "oom", key).headers().firstValue("Idempotent-Replayed")).hasValue("true");
		String log = output.getAll();
		assertThat(log.split(Pattern.quote(failure), -1)).as("times the failure is logged").hasSize(2);
		assertThat(LogLines.warningsAndErrors(output)).singleElement().asString().contains(failure);
		assertThat(log).contains("The idempotency store answers again");
	}

	@Test
	void afterTheServerLostItsScriptsTheirFirstUseCostsOneMoreRoundTripEach() throws Exception {
		String key = "flushed-" + UUID.randomUUID();
		assertThat(privateRedis.command("SCRIPT FLUSH")).isEqualTo("+OK");
		List<String> received;
		try (Monitor monitor = Monitor.start(privateRedis.port())) {
			assertThat(post(this.http, counting, "count", key).statusCode()).isEqualTo(201);
			received = monitor.commandsUntilQuiet(8);
		}
		// NOSCRIPT, then the claim loads the other scripts and EVAL sends its own: the
		// completion that follows finds its script at the first EVALSHA, so a retry sent
		// once the client has its answer cannot find the key still in flight.
		assertThat(received).containsExactly("evalsha", "script", "script", "script", "eval", "lua get", "lua set",
				"evalsha", "lua get", "lua set");
		try (Monitor monitor = Monitor.start(privateRedis.port())) {
			assertThat(post(this.http, counting, "count", "again-" + key).statusCode()).isEqualTo(201);
			received = monitor.commandsUntilQuiet(6);
		}
		assertThat(received).containsExactly("evalsha", "lua get", "lua set", "evalsha", "lua get", "lua set");
	}

	@Test
	void whenRedisDiesThePolicyHoldsWithinTheTimeoutAndIdempotencyComesBackWithIt(CapturedOutput output)
			throws Exception {
		String before = "before-" + UUID.randomUUID();
		assertThat(post(this.http, rejecting, "outage", before).statusCode()).isEqualTo(201);
		// The replay, ordered after the completion on the instance's connection: the
		// completion has landed before Redis dies.
		assertThat(post(this.http, rejecting, "outage", before).headers().firstValue("Idempotent-Replayed"))
			.hasValue("true");
		privateRedis.kill();
		try {
			for (int i = 0; i < 3; i++) {
				long start = System.nanoTime();
				HttpResponse<String> rejected = post(this.http, rejecting, "outage", "during-" + i);
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
				assertThat(rejected.statusCode()).isEqualTo(503);
				AugnoErrors.assertThat(rejected)
					.isAugnoError("service_unavailable", ErrorType.API_ERROR)
					.hasMessage("Idempotency keys cannot be checked at the moment. Please retry later.")
					.hasNoParam()
					.isTransient();
				assertThat(rejected.body()).doesNotContain("Redis", "lettuce");
			}
			int executedBefore = executions.getOrDefault("proceed during", new AtomicInteger()).get();
			for (int i = 0; i < 3; i++) {
				long start = System.nanoTime();
				HttpResponse<String> proceeded = post(this.http, proceeding, "proceed", "during");
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
				assertThat(proceeded.statusCode()).isEqualTo(201);
				assertThat(proceeded.headers().firstValue("Idempotent-Replayed")).isEmpty();
			}
			// Without the store, the same key executes every time: the policy said so.
			assertThat(executions.get("proceed during").get()).isEqualTo(executedBefore + 3);
		}
		finally {
			privateRedis.startAgain();
		}
		String after = "after-" + UUID.randomUUID();
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		while (post(this.http, rejecting, "outage", after).statusCode() != 201) {
			assertThat(System.nanoTime()).as("Lettuce reconnected").isLessThan(deadline);
			Thread.sleep(200);
		}
		assertThat(post(this.http, rejecting, "outage", after).headers().firstValue("Idempotent-Replayed"))
			.hasValue("true");
		String log = output.getAll();
		assertThat(log).contains("The idempotency store failed for POST /charges/outage (Redis did not answer in time)"
				+ ": answering service_unavailable; further failures are logged at DEBUG until it answers again");
		assertThat(log).contains("proceeding without idempotency");
		assertThat(log).contains("The idempotency store answers again");
		assertThat(log).doesNotContain("\tat io.lettuce");
	}

	private static HttpResponse<String> post(HttpClient client, int port, String name, String key)
			throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/charges/" + name))
			.POST(HttpRequest.BodyPublishers.ofString("{\"amount\":100}"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A MONITOR connection to a Redis server: every command the server executes, as it
	 * executes it, whoever sent it. Commands are reduced to their lower-case name,
	 * prefixed with "lua " for those a script ran.
	 */
	private static final class Monitor implements AutoCloseable {

		private static final Pattern LINE = Pattern.compile("^\\+[0-9.]+ \\[\\d+ ([^\\]]+)\\] \"([^\"]+)\"");

		private final Socket socket;

		private final BufferedReader reader;

		private Monitor(Socket socket) throws IOException {
			this.socket = socket;
			this.reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
		}

		static Monitor start(int port) throws IOException {
			Socket socket = new Socket("127.0.0.1", port);
			socket.setSoTimeout(5000);
			socket.getOutputStream().write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
			Monitor monitor = new Monitor(socket);
			assertThat(monitor.reader.readLine()).isEqualTo("+OK");
			return monitor;
		}

		/**
		 * Return the commands received: at least the given number, then every other until
		 * a PING of this method's own, sent once those have arrived, so that what came
		 * after them is seen too.
		 */
		List<String> commandsUntilQuiet(int atLeast) throws IOException {
			List<String> commands = new ArrayList<>();
			while (commands.size() < atLeast) {
				String line = this.reader.readLine();
				if (line == null) {
					throw new IllegalStateException("MONITOR ended after " + commands);
				}
				commands.add(command(line));
			}
			String marker = "monitor-end-" + UUID.randomUUID();
			assertThat(PrivateRedisServer.Redis.command(this.socket.getPort(), "PING " + marker)).contains(marker);
			for (String line = this.reader.readLine(); line != null; line = this.reader.readLine()) {
				if (line.contains(marker)) {
					return commands;
				}
				commands.add(command(line));
			}
			throw new IllegalStateException("MONITOR ended before the marker");
		}

		private static String command(String line) {
			Matcher matcher = LINE.matcher(line);
			assertThat(matcher.find()).as("MONITOR line %s", line).isTrue();
			String name = matcher.group(2).toLowerCase(Locale.ROOT);
			return matcher.group(1).equals("lua") ? "lua " + name : name;
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

	/**
	 * The application both instances run: no component scan, so that the test
	 * applications of other classes in this package stay out.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ChargesController.class)
	static class ChargesApplication {

		/**
		 * Reconnect every 200 ms, as a service that wants idempotency back soon after an
		 * outage would: Lettuce's default back-off doubles up to 30 s, so after a long
		 * outage on a busy machine its next attempt could come after this test's
		 * deadline.
		 * @return the customizer
		 */
		@Bean
		ClientResourcesBuilderCustomizer quickReconnects() {
			return (resources) -> resources.reconnectDelay(Delay.constant(Duration.ofMillis(200)));
		}

	}

	@RestController
	static class ChargesController {

		@PostMapping("/charges/{name}")
		ResponseEntity<Map<String, Object>> charge(@PathVariable String name,
				@org.springframework.web.bind.annotation.RequestHeader("Idempotency-Key") String key)
				throws InterruptedException {
			int execution = executions.computeIfAbsent(name + " " + key, (k) -> new AtomicInteger()).incrementAndGet();
			if (name.equals("load")) {
				Thread.sleep(5);
			}
			else if (name.equals("pause")) {
				assertThat(privateRedis.command("CLIENT PAUSE 30000 WRITE")).isEqualTo("+OK");
			}
			else if (name.equals("oom") && execution == 1) {
				assertThat(privateRedis.command("CONFIG SET maxmemory 1")).isEqualTo("+OK");
			}
			return ResponseEntity.status(201)
				.body(Map.of("id", "ch_" + UUID.randomUUID(), "key", key, "execution", execution));
		}

	}

}
