package com.augno.errors.spring.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * An {@link IdempotencyStore} in Redis, shared by every instance of a service, on the
 * application's Spring Data Redis {@link LettuceConnectionFactory}. Each operation is one
 * Lua script, so one round trip and atomic: a claim reads the key and sets the in-flight
 * record with {@code SET ... PX} only if it holds none; completing, renewing
 * ({@code PEXPIRE}) and releasing change the key only while it still holds the claim's
 * own record. Scripts are sent by their digest ({@code EVALSHA}); a server that lost them
 * (restarted, {@code SCRIPT FLUSH}) answers {@code NOSCRIPT}, and the call that meets it
 * costs a second round trip: an {@code EVAL} that loads its script again, preceded by a
 * {@code SCRIPT LOAD} of every other script, so that the completion that follows a claim,
 * sent without waiting, finds its own. Each call waits at most {@code timeout} for Redis
 * (Lettuce's asynchronous commands, whatever the connection factory's own command
 * timeout), and any failure is an {@link IdempotencyStoreException}; the completion does
 * not wait (see {@link #complete}), so a new key costs the request one round trip, the
 * claim. Opening the shared connection, once, is bounded by the factory's connect timeout
 * ({@code spring.data.redis.connect-timeout}).
 *
 * @since 0.1.0
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

	private static final Script CLAIM = new Script("""
			local current = redis.call('GET', KEYS[1])
			if current then
			  return current
			end
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			return false
			""");

	private static final Script COMPLETE = new Script("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
			  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
			  return 1
			end
			return 0
			""");

	private static final Script RENEW = new Script("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
			  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
			end
			return 0
			""");

	private static final Script RELEASE = new Script("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
			  return redis.call('DEL', KEYS[1])
			end
			return 0
			""");

	private static final List<Script> SCRIPTS = List.of(CLAIM, COMPLETE, RENEW, RELEASE);

	private static final CompletionStage<Void> DONE = CompletableFuture.completedStage(null);

	private final LettuceConnectionFactory connectionFactory;

	private final String keyPrefix;

	private final Duration timeout;

	/**
	 * Create a store.
	 * @param connectionFactory the application's connection factory
	 * @param keyPrefix the prefix of every Redis key
	 * @param timeout the longest wait for one command
	 */
	public RedisIdempotencyStore(LettuceConnectionFactory connectionFactory, String keyPrefix, Duration timeout) {
		this.connectionFactory = connectionFactory;
		this.keyPrefix = keyPrefix;
		this.timeout = timeout;
	}

	@Override
	public @Nullable IdempotencyRecord claim(String key, IdempotencyRecord.InFlight inFlight, Duration lockTimeout) {
		byte[] current = run(CLAIM, ScriptOutputType.VALUE, redisKey(key), IdempotencyRecordCodec.encode(inFlight),
				millis(lockTimeout));
		if (current == null) {
			return null;
		}
		try {
			return IdempotencyRecordCodec.decode(current);
		}
		catch (IllegalArgumentException ex) {
			throw new IdempotencyStoreException("Unreadable idempotency record in Redis", ex);
		}
	}

	/**
	 * Send the completion and return without waiting for Redis to answer, on the
	 * factory's shared connection (its default): the command is on the connection before
	 * the response reaches the client, so a retry through this instance, on the same
	 * connection, is executed after it. Without a shared connection the call waits for
	 * the answer, as nothing would order a retry after it.
	 */
	@Override
	public CompletionStage<Void> complete(String key, IdempotencyRecord.InFlight inFlight,
			IdempotencyRecord.Completed completed, Duration retention) {
		byte[] redisKey = redisKey(key);
		byte[][] args = { IdempotencyRecordCodec.encode(inFlight), IdempotencyRecordCodec.encode(completed),
				millis(retention) };
		if (!this.connectionFactory.getShareNativeConnection()) {
			run(COMPLETE, ScriptOutputType.INTEGER, redisKey, args);
			return DONE;
		}
		return send(COMPLETE, ScriptOutputType.INTEGER, redisKey, args);
	}

	@Override
	public boolean renew(String key, IdempotencyRecord.InFlight inFlight, Duration lockTimeout) {
		Long renewed = run(RENEW, ScriptOutputType.INTEGER, redisKey(key), IdempotencyRecordCodec.encode(inFlight),
				millis(lockTimeout));
		return renewed != null && renewed == 1L;
	}

	@Override
	public void release(String key, IdempotencyRecord.InFlight inFlight) {
		run(RELEASE, ScriptOutputType.INTEGER, redisKey(key), IdempotencyRecordCodec.encode(inFlight));
	}

	private byte[] redisKey(String key) {
		return (this.keyPrefix + key).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] millis(Duration duration) {
		return Long.toString(Math.max(1, duration.toMillis())).getBytes(StandardCharsets.US_ASCII);
	}

	@SuppressWarnings("unchecked")
	private <T> @Nullable T run(Script script, ScriptOutputType type, byte[] key, byte[]... args) {
		// A connection is opened once and then shared; opening it is bounded by
		// spring.data.redis.connect-timeout.
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			long deadline = System.nanoTime() + this.timeout.toNanos();
			RedisClusterAsyncCommands<byte[], byte[]> commands = (RedisClusterAsyncCommands<byte[], byte[]>) connection
				.getNativeConnection();
			byte[][] keys = { key };
			try {
				return await(commands.evalsha(script.sha1(), type, keys, args), deadline);
			}
			catch (RedisNoScriptException ex) {
				// First use on this server (or after SCRIPT FLUSH): EVAL loads it.
				loadOthers(commands, script);
				return await(commands.eval(script.source(), type, keys, args), deadline);
			}
		}
		catch (IdempotencyStoreException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new IdempotencyStoreException("Redis failed: " + ex.getClass().getName(), ex);
		}
	}

	/**
	 * Send a {@code SCRIPT LOAD} of every script but the given one, without waiting: a
	 * server that lost one script lost them all, and a completion sent after the claim's
	 * answer, on the same connection, then finds its script instead of costing a second
	 * round trip during which a retry would find the key still in flight. A load that
	 * fails only leaves its script to be loaded on first use.
	 */
	private static void loadOthers(RedisClusterAsyncCommands<byte[], byte[]> commands, Script loading) {
		for (Script script : SCRIPTS) {
			if (script != loading) {
				commands.scriptLoad(script.source().getBytes(StandardCharsets.UTF_8));
			}
		}
	}

	private static <T> @Nullable T await(RedisFuture<T> future, long deadline) {
		try {
			return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			// A command queued while Redis reconnects is dropped rather than run later.
			future.cancel(true);
			throw new IdempotencyStoreException("Redis did not answer in time", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			throw new IdempotencyStoreException("Interrupted while waiting for Redis", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RedisNoScriptException noScript) {
				throw noScript;
			}
			throw new IdempotencyStoreException("Redis failed: " + ex.getCause().getClass().getName(), ex.getCause());
		}
	}

	/**
	 * Send a script on the shared connection and return its pending answer, failed with
	 * an {@link IdempotencyStoreException} when Redis fails or does not answer within the
	 * timeout.
	 */
	@SuppressWarnings("unchecked")
	private CompletionStage<Void> send(Script script, ScriptOutputType type, byte[] key, byte[]... args) {
		RedisClusterAsyncCommands<byte[], byte[]> commands;
		byte[][] keys = { key };
		RedisFuture<Object> sent;
		// The shared connection outlives this wrapper: closing it only releases the
		// wrapper.
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			commands = (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
			sent = commands.evalsha(script.sha1(), type, keys, args);
		}
		catch (RuntimeException ex) {
			throw new IdempotencyStoreException("Redis failed: " + ex.getClass().getName(), ex);
		}
		CompletableFuture<Void> answer = new CompletableFuture<>();
		sent.whenComplete((result, ex) -> {
			if (ex == null) {
				answer.complete(null);
			}
			else if (unwrap(ex) instanceof RedisNoScriptException) {
				// The scripts were lost after this key's claim loaded them (a restart
				// or SCRIPT FLUSH in between): EVAL loads it, and a retry sent
				// meanwhile may find the key still in flight.
				try {
					commands.eval(script.source(), type, keys, args).whenComplete((again, failure) -> {
						if (failure == null) {
							answer.complete(null);
						}
						else {
							answer.completeExceptionally(failure(failure));
						}
					});
				}
				catch (RuntimeException failure) {
					answer.completeExceptionally(failure(failure));
				}
			}
			else {
				answer.completeExceptionally(failure(ex));
			}
		});
		// Bounded like a call that waits: a command Redis does not answer in time fails
		// the stage, and is dropped rather than run later if it waits for a reconnect.
		answer.orTimeout(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		return answer.exceptionallyCompose((ex) -> {
			if (ex instanceof TimeoutException) {
				sent.cancel(true);
			}
			return CompletableFuture.failedStage(failure(ex));
		});
	}

	private static Throwable unwrap(Throwable ex) {
		return (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
	}

	private static IdempotencyStoreException failure(Throwable ex) {
		Throwable cause = unwrap(ex);
		if (cause instanceof IdempotencyStoreException storeException) {
			return storeException;
		}
		if (cause instanceof TimeoutException) {
			return new IdempotencyStoreException("Redis did not answer in time", cause);
		}
		return new IdempotencyStoreException("Redis failed: " + cause.getClass().getName(), cause);
	}

	private record Script(String source, String sha1) {

		Script(String source) {
			this(source, sha1(source));
		}

		private static String sha1(String source) {
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
