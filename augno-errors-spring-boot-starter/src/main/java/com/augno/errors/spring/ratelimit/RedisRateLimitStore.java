package com.augno.errors.spring.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import org.jspecify.annotations.Nullable;

/**
 * Bucket4j's buckets in Redis, through its Lettuce integration (compare-and-swap by Lua
 * script), so that every instance sharing the Redis and the key prefix shares each
 * caller's limit. Every wait is bounded by {@code timeout}: connecting, each command
 * (Lettuce's timeout and Bucket4j's request timeout), and a disconnected Redis fails at
 * once instead of queueing commands. The connection is opened at start or on first use
 * and, if Redis is down, tried again at most once per {@link #RECONNECT_INTERVAL}; once
 * open, Lettuce reconnects it by itself. Keys expire once their bucket would be full
 * again.
 *
 * @since 0.1.0
 */
public final class RedisRateLimitStore implements RateLimitStore, AutoCloseable {

	/**
	 * Shortest interval between two attempts to open the first connection.
	 */
	public static final Duration RECONNECT_INTERVAL = Duration.ofSeconds(1);

	private final ClientResources resources;

	private final RedisClient client;

	private final Duration timeout;

	private final Object lock = new Object();

	private volatile @Nullable ProxyManager<byte[]> proxyManager;

	private @Nullable StatefulRedisConnection<byte[], byte[]> connection;

	private long nextAttempt = System.nanoTime();

	/**
	 * Create the store and try to connect once, so that the first request does not pay
	 * for the client's start; if Redis is down, the first requests try again.
	 * @param url the Redis URL
	 * @param timeout the longest wait for Redis
	 */
	public RedisRateLimitStore(String url, Duration timeout) {
		this.timeout = timeout;
		this.resources = DefaultClientResources.builder()
			.ioThreadPoolSize(2)
			.computationThreadPoolSize(2)
			.reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
			.build();
		RedisURI uri = RedisURI.create(url);
		uri.setTimeout(timeout);
		this.client = RedisClient.create(this.resources, uri);
		this.client.setOptions(ClientOptions.builder()
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
			.timeoutOptions(TimeoutOptions.enabled(timeout))
			.build());
		try {
			proxyManager();
		}
		catch (RateLimitStoreException ex) {
			this.nextAttempt = System.nanoTime();
		}
	}

	@Override
	public RateLimitProbe tryConsume(String key, RateLimitPolicy policy) {
		ProxyManager<byte[]> proxies = proxyManager();
		try {
			return Buckets.probe(proxies.builder()
				.build(key.getBytes(StandardCharsets.UTF_8), () -> Buckets.configuration(policy))
				.tryConsumeAndReturnRemaining(1));
		}
		catch (RuntimeException ex) {
			throw new RateLimitStoreException("Redis did not answer the rate-limit check", ex);
		}
	}

	private ProxyManager<byte[]> proxyManager() {
		ProxyManager<byte[]> proxies = this.proxyManager;
		if (proxies != null) {
			return proxies;
		}
		synchronized (this.lock) {
			proxies = this.proxyManager;
			if (proxies != null) {
				return proxies;
			}
			if (System.nanoTime() - this.nextAttempt < 0) {
				throw new RateLimitStoreException("Redis is not connected", new IllegalStateException(
						"The last connection attempt failed less than " + RECONNECT_INTERVAL.toMillis() + " ms ago"));
			}
			try {
				this.connection = this.client.connect(ByteArrayCodec.INSTANCE);
				proxies = Bucket4jLettuce.casBasedBuilder(this.connection)
					.requestTimeout(this.timeout)
					.expirationAfterWrite(
							ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(1)))
					.build();
				this.proxyManager = proxies;
				return proxies;
			}
			catch (RuntimeException ex) {
				this.nextAttempt = System.nanoTime() + RECONNECT_INTERVAL.toNanos();
				throw new RateLimitStoreException("Redis could not be reached", ex);
			}
		}
	}

	@Override
	public void close() {
		synchronized (this.lock) {
			if (this.connection != null) {
				this.connection.close();
			}
		}
		this.client.shutdown(Duration.ZERO, this.timeout);
		this.resources.shutdown(0, this.timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

}
