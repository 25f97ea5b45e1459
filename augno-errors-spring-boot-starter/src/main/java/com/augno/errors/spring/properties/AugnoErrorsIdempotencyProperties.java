package com.augno.errors.spring.properties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of idempotency keys (the IETF {@code Idempotency-Key} header, with
 * Stripe's behaviour), under {@code augno.errors.idempotency}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("augno.errors.idempotency")
public class AugnoErrorsIdempotencyProperties {

	/**
	 * Default order of the idempotency filter: after Spring Security's filter chain
	 * (spring.security.filter.order, -100), so that the principal is known, and after the
	 * request id filter.
	 */
	public static final int DEFAULT_FILTER_ORDER = -90;

	/**
	 * Whether requests carrying an idempotency key are executed once and their response
	 * replayed to retries with the same key.
	 */
	private boolean enabled;

	/**
	 * Request header that carries the idempotency key.
	 */
	private String header = "Idempotency-Key";

	/**
	 * HTTP methods whose requests honour the key; other requests pass through.
	 */
	private List<String> methods = new ArrayList<>(List.of("POST", "PATCH"));

	/**
	 * How long a completed response is kept and replayed to retries with the same key.
	 */
	private Duration retention = Duration.ofHours(24);

	/**
	 * How long the in-flight marker holds the key once its instance stops renewing it;
	 * while the request runs it is renewed every half of this, so a retry gets
	 * idempotency_in_progress however long the request takes, and only after a crash does
	 * a retry past it execute again.
	 */
	private Duration lockTimeout = Duration.ofMinutes(1);

	/**
	 * Retry-After sent with idempotency_in_progress.
	 */
	private Duration inProgressRetryAfter = Duration.ofSeconds(1);

	/**
	 * Longest idempotency key accepted, in characters; a longer key is parameter_invalid.
	 */
	private int maxKeyLength = 255;

	/**
	 * Request headers whose values are part of the request's fingerprint (besides method,
	 * path, query and body), so that a retry with another value is a key reuse.
	 */
	private List<String> fingerprintHeaders = new ArrayList<>();

	/**
	 * Request header that identifies the caller when no Spring Security principal is
	 * authenticated (its value is hashed, never stored); empty to go straight to the
	 * client address.
	 */
	private String callerHeader = "Authorization";

	/**
	 * Response headers stored with the response and replayed; the others (such as
	 * Set-Cookie, Date or the request id) are not.
	 */
	private List<String> replayedHeaders = new ArrayList<>(List.of("Content-Type", "Content-Language",
			"Content-Disposition", "Content-Location", "Location", "ETag", "Last-Modified", "Link", "Cache-Control"));

	/**
	 * Largest request body read to fingerprint a request with a key; a larger one is
	 * request_too_large.
	 */
	private DataSize maxRequestSize = DataSize.ofMegabytes(1);

	/**
	 * Largest response body stored for replay; a larger (or streamed) response is sent as
	 * usual but not stored, and its key is released so that a retry executes again.
	 */
	private DataSize maxResponseSize = DataSize.ofMegabytes(1);

	/**
	 * Where keys and responses are kept: memory (one instance) or redis (shared by every
	 * instance, through Spring Data Redis and Lettuce).
	 */
	private StoreType store = StoreType.MEMORY;

	/**
	 * What a request with a key gets when the store cannot be reached or answer in time:
	 * reject (service_unavailable, 503) or proceed (executed without idempotency, logged
	 * at WARN).
	 */
	private StoreFailurePolicy onStoreFailure = StoreFailurePolicy.REJECT;

	/**
	 * Order of the idempotency filter in the servlet filter chain.
	 */
	private int filterOrder = DEFAULT_FILTER_ORDER;

	private final Memory memory = new Memory();

	private final Redis redis = new Redis();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getHeader() {
		return this.header;
	}

	public void setHeader(String header) {
		this.header = header;
	}

	public List<String> getMethods() {
		return this.methods;
	}

	public void setMethods(List<String> methods) {
		this.methods = methods;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public Duration getInProgressRetryAfter() {
		return this.inProgressRetryAfter;
	}

	public void setInProgressRetryAfter(Duration inProgressRetryAfter) {
		this.inProgressRetryAfter = inProgressRetryAfter;
	}

	public int getMaxKeyLength() {
		return this.maxKeyLength;
	}

	public void setMaxKeyLength(int maxKeyLength) {
		this.maxKeyLength = maxKeyLength;
	}

	public List<String> getFingerprintHeaders() {
		return this.fingerprintHeaders;
	}

	public void setFingerprintHeaders(List<String> fingerprintHeaders) {
		this.fingerprintHeaders = fingerprintHeaders;
	}

	public String getCallerHeader() {
		return this.callerHeader;
	}

	public void setCallerHeader(String callerHeader) {
		this.callerHeader = callerHeader;
	}

	public List<String> getReplayedHeaders() {
		return this.replayedHeaders;
	}

	public void setReplayedHeaders(List<String> replayedHeaders) {
		this.replayedHeaders = replayedHeaders;
	}

	public DataSize getMaxRequestSize() {
		return this.maxRequestSize;
	}

	public void setMaxRequestSize(DataSize maxRequestSize) {
		this.maxRequestSize = maxRequestSize;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public StoreType getStore() {
		return this.store;
	}

	public void setStore(StoreType store) {
		this.store = store;
	}

	public StoreFailurePolicy getOnStoreFailure() {
		return this.onStoreFailure;
	}

	public void setOnStoreFailure(StoreFailurePolicy onStoreFailure) {
		this.onStoreFailure = onStoreFailure;
	}

	public int getFilterOrder() {
		return this.filterOrder;
	}

	public void setFilterOrder(int filterOrder) {
		this.filterOrder = filterOrder;
	}

	public Memory getMemory() {
		return this.memory;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * Where keys and responses are kept.
	 */
	public enum StoreType {

		/**
		 * In this instance's memory, bounded: right for a single instance only.
		 */
		MEMORY,

		/**
		 * In Redis, through the application's Spring Data Redis connection factory
		 * (Lettuce): shared by every instance.
		 */
		REDIS

	}

	/**
	 * The in-memory store.
	 */
	public static class Memory {

		/**
		 * Most keys kept at once; when full, expired and then the completed keys claimed
		 * first make room, and a store full of requests in flight counts as a store
		 * failure.
		 */
		private int maxEntries = 10_000;

		public int getMaxEntries() {
			return this.maxEntries;
		}

		public void setMaxEntries(int maxEntries) {
			this.maxEntries = maxEntries;
		}

	}

	/**
	 * The Redis store.
	 */
	public static class Redis {

		/**
		 * Prefix of the Redis keys, before a hash of caller, endpoint and idempotency
		 * key.
		 */
		private String keyPrefix = "augno:idempotency:";

		/**
		 * Longest wait for one Redis command; past it the store counts as failed (see
		 * on-store-failure), whatever spring.data.redis.timeout says.
		 */
		private Duration timeout = Duration.ofSeconds(1);

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

}
