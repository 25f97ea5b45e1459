package com.augno.errors.spring.properties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the rate limits, under {@code augno.errors.rate-limits}: which
 * requests are limited (routes here, handlers by {@code @RateLimit}), how callers are
 * told apart, where the buckets live and what happens when that store fails.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("augno.errors.rate-limits")
public class AugnoErrorsRateLimitProperties {

	/**
	 * Whether requests are rate limited by the routes configured here and the handlers
	 * annotated with @RateLimit.
	 */
	private boolean enabled = true;

	/**
	 * Where the token buckets live: memory (one instance) or redis (shared by every
	 * instance that uses the same Redis and key prefix).
	 */
	private Store store = Store.MEMORY;

	/**
	 * What a request gets when the bucket store cannot be reached in time: reject
	 * (service_unavailable, 503) or proceed (the request proceeds without a limit, and a
	 * WARN is logged at most once every 10 seconds).
	 */
	private StoreFailurePolicy onStoreFailure = StoreFailurePolicy.REJECT;

	/**
	 * Request header that carries a caller's API key, used to tell callers apart when the
	 * request has no authenticated principal; a value of "Authorization" is read without
	 * its scheme ("Bearer "). The key itself is never stored, only its SHA-256 digest.
	 * Empty to ignore API keys.
	 */
	private String apiKeyHeader = "X-API-Key";

	/**
	 * Prefix of every bucket key, so that services or environments sharing a Redis do not
	 * share buckets.
	 */
	private String keyPrefix = "augno:rate-limit:";

	/**
	 * Most buckets kept by the in-memory store; past it, buckets idle for a full window
	 * (which are full again anyway) are dropped first, then the oldest.
	 */
	private int maxBuckets = 100_000;

	/**
	 * Limits by route: each names a policy, its limit of requests per window and caller,
	 * and the requests it applies to (path patterns, methods).
	 */
	private List<Route> routes = new ArrayList<>();

	private final Redis redis = new Redis();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public StoreFailurePolicy getOnStoreFailure() {
		return this.onStoreFailure;
	}

	public void setOnStoreFailure(StoreFailurePolicy onStoreFailure) {
		this.onStoreFailure = onStoreFailure;
	}

	public String getApiKeyHeader() {
		return this.apiKeyHeader;
	}

	public void setApiKeyHeader(String apiKeyHeader) {
		this.apiKeyHeader = apiKeyHeader;
	}

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

	public int getMaxBuckets() {
		return this.maxBuckets;
	}

	public void setMaxBuckets(int maxBuckets) {
		this.maxBuckets = maxBuckets;
	}

	public List<Route> getRoutes() {
		return this.routes;
	}

	public void setRoutes(List<Route> routes) {
		this.routes = routes;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * Where the token buckets live.
	 */
	public enum Store {

		/**
		 * Bucket4j buckets in this instance's memory.
		 */
		MEMORY,

		/**
		 * Bucket4j buckets in Redis, through Bucket4j's Lettuce integration.
		 */
		REDIS

	}

	/**
	 * A limit applied to the requests of one or more routes.
	 */
	public static class Route {

		/**
		 * Name of the policy, sent in the RateLimit and RateLimit-Policy headers and part
		 * of the bucket key; a route without one is named after its index ("route-0").
		 */
		private @Nullable String name;

		/**
		 * Request paths the limit applies to, as PathPattern patterns such as /v1/**,
		 * matched against the path within the application: without the context path, with
		 * the DispatcherServlet's path (spring.mvc.servlet.path).
		 */
		private List<String> paths = new ArrayList<>();

		/**
		 * HTTP methods the limit applies to; empty for every method.
		 */
		private List<String> methods = new ArrayList<>();

		/**
		 * Requests a caller may make per window.
		 */
		private long limit;

		/**
		 * Length of the window; the limit is given back in full at the end of each.
		 */
		private Duration window = Duration.ofMinutes(1);

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		public List<String> getMethods() {
			return this.methods;
		}

		public void setMethods(List<String> methods) {
			this.methods = methods;
		}

		public long getLimit() {
			return this.limit;
		}

		public void setLimit(long limit) {
			this.limit = limit;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

	}

	/**
	 * The Redis server of store=redis. The store has its own connection, so that its
	 * timeout is bounded whatever the application's other Redis clients use.
	 */
	public static class Redis {

		/**
		 * Redis URL, such as redis://127.0.0.1:6379 or rediss://user:secret@host:6380/1.
		 */
		private String url = "redis://127.0.0.1:6379";

		/**
		 * Longest a rate-limit check may wait for Redis (connecting, or one command);
		 * past it the store has failed and on-store-failure applies.
		 */
		private Duration timeout = Duration.ofMillis(500);

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

}
