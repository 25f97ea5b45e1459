package com.augno.errors.spring.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Redis store on the machine's Redis: the contract, under a key prefix of this run's
 * own; and a server that does not answer is a store failure within the timeout.
 */
class RedisIdempotencyStoreTests extends IdempotencyStoreContractTests {

	private static final String PREFIX = "augno-test:" + UUID.randomUUID() + ":";

	private static LettuceConnectionFactory connectionFactory;

	private static RedisIdempotencyStore store;

	@BeforeAll
	static void connect() {
		PrivateRedisServer.Redis.requireLocalRedis();
		connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		// The first command loads Lettuce's and Netty's classes: on a busy machine that
		// takes longer than a command may.
		new RedisIdempotencyStore(connectionFactory, PREFIX, Duration.ofSeconds(30)).release("warm-up",
				new IdempotencyRecord.InFlight("t", "fp"));
		store = new RedisIdempotencyStore(connectionFactory, PREFIX, Duration.ofSeconds(2));
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
	}

	@Override
	protected IdempotencyStore store() {
		return store;
	}

	@Override
	protected void expire(Duration timeToLive) throws InterruptedException {
		Thread.sleep(timeToLive.toMillis() + 200);
	}

	@Test
	void keysCarryThePrefix() {
		store.claim("prefixed", new IdempotencyRecord.InFlight("t", "fp"), Duration.ofSeconds(30));
		assertThat(PrivateRedisServer.Redis.command(6379, "EXISTS " + PREFIX + "prefixed")).isEqualTo(":1");
	}

	@Test
	void aServerThatDoesNotAnswerIsAStoreFailureWithinTheTimeout() throws Exception {
		try (PrivateRedisServer server = PrivateRedisServer.start()) {
			LettuceConnectionFactory factory = startedFactory(server.port(), true);
			try {
				RedisIdempotencyStore paused = new RedisIdempotencyStore(factory, PREFIX, Duration.ofMillis(300));
				assertThat(paused.claim("k", new IdempotencyRecord.InFlight("t", "fp"), Duration.ofMinutes(1)))
					.isNull();
				// The server stops reading commands for two seconds, as a stalled one
				// would.
				assertThat(server.command("CLIENT PAUSE 2000 ALL")).isEqualTo("+OK");
				long start = System.nanoTime();
				assertThatExceptionOfType(IdempotencyStoreException.class)
					.isThrownBy(
							() -> paused.claim("k2", new IdempotencyRecord.InFlight("t", "fp"), Duration.ofMinutes(1)))
					.withMessage("Redis did not answer in time");
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
			}
			finally {
				factory.destroy();
			}
		}
	}

	@Test
	void aCompletionReturnsBeforeRedisAnswersAndAClaimThroughTheSameStoreIsExecutedAfterIt() throws Exception {
		try (PrivateRedisServer server = PrivateRedisServer.start()) {
			LettuceConnectionFactory factory = startedFactory(server.port(), true);
			try {
				RedisIdempotencyStore paused = new RedisIdempotencyStore(factory, PREFIX, Duration.ofSeconds(30));
				IdempotencyRecord.InFlight claim = new IdempotencyRecord.InFlight("t", "fp");
				assertThat(paused.claim("k", claim, Duration.ofMinutes(1))).isNull();
				// Write commands (scripts among them) wait until the server is unpaused.
				assertThat(server.command("CLIENT PAUSE 30000 WRITE")).isEqualTo("+OK");
				CompletableFuture<Void> stored = paused
					.complete("k", claim, new IdempotencyRecord.Completed("fp", 201, List.of(), new byte[] { 1 }),
							Duration.ofMinutes(1))
					.toCompletableFuture();
				assertThat(stored).isNotDone();
				assertThat(server.command("CLIENT UNPAUSE")).isEqualTo("+OK");
				// Sent after the completion on the same connection: it finds the record.
				assertThat(paused.claim("k", new IdempotencyRecord.InFlight("t2", "fp"), Duration.ofMinutes(1)))
					.isInstanceOf(IdempotencyRecord.Completed.class);
				assertThat(stored).isCompleted();
			}
			finally {
				factory.destroy();
			}
		}
	}

	@Test
	void aCompletionThatRedisRefusesFailsItsStageWithAStoreFailure() {
		IdempotencyRecord.InFlight claim = new IdempotencyRecord.InFlight("t", "fp");
		assertThat(store.claim("refused", claim, Duration.ofMinutes(1))).isNull();
		// The key now holds a hash: the completion's GET fails with WRONGTYPE.
		assertThat(PrivateRedisServer.Redis.command(6379, "DEL " + PREFIX + "refused")).isEqualTo(":1");
		assertThat(PrivateRedisServer.Redis.command(6379, "HSET " + PREFIX + "refused f v")).isEqualTo(":1");
		CompletableFuture<Void> stored = store
			.complete("refused", claim, new IdempotencyRecord.Completed("fp", 201, List.of(), new byte[0]),
					Duration.ofMinutes(1))
			.toCompletableFuture();
		assertThatExceptionOfType(CompletionException.class).isThrownBy(stored::join)
			.havingCause()
			.isInstanceOf(IdempotencyStoreException.class)
			.withMessage("Redis failed: io.lettuce.core.RedisCommandExecutionException");
		PrivateRedisServer.Redis.command(6379, "DEL " + PREFIX + "refused");
	}

	@Test
	void withoutASharedConnectionACompletionWaitsForRedis() {
		LettuceConnectionFactory dedicated = startedFactory(6379, false);
		try {
			RedisIdempotencyStore unshared = new RedisIdempotencyStore(dedicated, PREFIX, Duration.ofSeconds(30));
			IdempotencyRecord.InFlight claim = new IdempotencyRecord.InFlight("t", "fp");
			assertThat(unshared.claim("unshared", claim, Duration.ofMinutes(1))).isNull();
			assertThat(unshared
				.complete("unshared", claim, new IdempotencyRecord.Completed("fp", 201, List.of(), new byte[0]),
						Duration.ofMinutes(1))
				.toCompletableFuture()).isCompleted();
			// Stored before complete returned: another connection reads the record.
			assertThat(store.claim("unshared", claim, Duration.ofMinutes(1)))
				.isInstanceOf(IdempotencyRecord.Completed.class);
		}
		finally {
			dedicated.destroy();
		}
	}

	/**
	 * A started connection factory for a Redis server on this machine, sharing its native
	 * connection between callers (the default) or not.
	 */
	private static LettuceConnectionFactory startedFactory(int port, boolean shareNativeConnection) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port));
		factory.setShareNativeConnection(shareNativeConnection);
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}
