package com.augno.errors.spring.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;
import com.augno.errors.spring.properties.StoreFailurePolicy;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Takes one request from the caller's bucket of each policy that applies, before the
 * handler runs, and sends the {@code RateLimit-Policy} and {@code RateLimit} fields with
 * the response, whatever its outcome. A request over any limit is refused with
 * {@code rate_limit_exceeded} (429) and a {@code Retry-After} of the longest wait. When
 * the store fails, the {@link StoreFailurePolicy} decides: {@code service_unavailable}
 * (503), or the request goes on without that limit; either way one WARN line (at most
 * every {@link #LOG_INTERVAL}) says why, without the driver's stack trace.
 *
 * @since 0.1.0
 */
public final class RateLimitInterceptor implements HandlerInterceptor {

	/**
	 * Shortest interval between two WARN lines about a failing store.
	 */
	public static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

	private static final int MAX_CACHED_POLICY_FIELDS = 1024;

	// The policies whose bucket keys are cached per caller, and the callers per policy:
	// at most 16 x 4096 keys, however many policies a resolver makes up.
	private static final int MAX_POLICIES_WITH_CACHED_KEYS = 16;

	private static final int MAX_CACHED_KEYS = 4096;

	private static final Log logger = LogFactory.getLog(RateLimitInterceptor.class);

	private final RateLimitPolicies policies;

	private final RateLimitKeyResolver keyResolver;

	private final RateLimitPolicyResolver policyResolver;

	private final RateLimitStore store;

	private final String keyPrefix;

	private final StoreFailurePolicy onStoreFailure;

	private final AtomicLong nextLog = new AtomicLong(System.nanoTime());

	private final AtomicLong unlogged = new AtomicLong();

	// The RateLimit-Policy field and the bucket key's stem of each single policy seen,
	// formatted once: they do not change between requests. Bounded, as a policy resolver
	// may adapt policies per caller.
	private final ConcurrentMap<RateLimitPolicy, Formatted> formatted = new ConcurrentHashMap<>();

	private volatile @Nullable Formatted lastFormatted;

	private final AtomicInteger keyCaches = new AtomicInteger();

	/**
	 * Create the interceptor.
	 * @param policies the policies of routes and annotated handlers
	 * @param keyResolver tells callers apart
	 * @param policyResolver adapts a policy to the caller
	 * @param store where the buckets live
	 * @param keyPrefix the prefix of every bucket key
	 * @param onStoreFailure what a request gets when the store fails
	 */
	public RateLimitInterceptor(RateLimitPolicies policies, RateLimitKeyResolver keyResolver,
			RateLimitPolicyResolver policyResolver, RateLimitStore store, String keyPrefix,
			StoreFailurePolicy onStoreFailure) {
		this.policies = policies;
		this.keyResolver = keyResolver;
		this.policyResolver = policyResolver;
		this.store = store;
		this.keyPrefix = keyPrefix;
		this.onStoreFailure = onStoreFailure;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			return true;
		}
		List<RateLimitPolicy> declared = this.policies.forRequest(request, handler);
		if (declared.isEmpty()) {
			return true;
		}
		String caller = this.keyResolver.resolve(request);
		@Nullable String policyField = null;
		@Nullable String state = null;
		@Nullable StringBuilder states = null;
		@Nullable Duration retryAfter = null;
		for (int i = 0; i < declared.size(); i++) {
			RateLimitPolicy effective = this.policyResolver.resolve(declared.get(i), request);
			Formatted formatted = formatted(effective);
			RateLimitProbe probe = consume(formatted.key(caller), effective);
			if (probe == null) {
				continue;
			}
			if (state == null) {
				policyField = formatted.policyField;
				state = formatted.state(probe);
			}
			else {
				// Rare: more than one policy on a request.
				policyField = policyField + ", " + formatted.policyField;
				if (states == null) {
					states = new StringBuilder(128).append(state);
				}
				states.append(", ").append(formatted.state(probe));
			}
			if (!probe.consumed() && (retryAfter == null || probe.retryAfter().compareTo(retryAfter) > 0)) {
				retryAfter = probe.retryAfter();
			}
		}
		if (state != null) {
			response.setHeader(RateLimitHeaders.RATE_LIMIT_POLICY, policyField);
			response.setHeader(RateLimitHeaders.RATE_LIMIT, (states != null) ? states.toString() : state);
		}
		if (retryAfter != null) {
			throw AugnoException.of(ErrorCodes.RATE_LIMIT_EXCEEDED).retryAfter(atLeastOneSecond(retryAfter));
		}
		return true;
	}

	/**
	 * Return what does not change between requests of a policy, formatted once: the last
	 * one used is checked first by identity, as most policies come as declared.
	 */
	private Formatted formatted(RateLimitPolicy policy) {
		Formatted last = this.lastFormatted;
		if (last != null && last.policy == policy) {
			return last;
		}
		Formatted formatted = this.formatted.get(policy);
		if (formatted == null) {
			String keyStem = this.keyPrefix + policy.name() + ":";
			boolean cache = this.formatted.size() < MAX_CACHED_POLICY_FIELDS;
			@Nullable BoundedCache<String, String> keys = (cache
					&& this.keyCaches.getAndIncrement() < MAX_POLICIES_WITH_CACHED_KEYS)
							? new BoundedCache<>(MAX_CACHED_KEYS, keyStem::concat) : null;
			formatted = new Formatted(policy, RateLimitHeaders.policy(List.of(policy)), '"' + policy.name() + "\";r=",
					keyStem, keys);
			if (cache) {
				Formatted raced = this.formatted.putIfAbsent(policy, formatted);
				formatted = (raced != null) ? raced : formatted;
			}
		}
		this.lastFormatted = formatted;
		return formatted;
	}

	private @Nullable RateLimitProbe consume(String key, RateLimitPolicy policy) {
		try {
			return this.store.tryConsume(key, policy);
		}
		catch (RateLimitStoreException ex) {
			logStoreFailure(ex);
			if (this.onStoreFailure == StoreFailurePolicy.REJECT) {
				throw AugnoException.of(ErrorCodes.SERVICE_UNAVAILABLE).retryAfter(Duration.ofSeconds(1));
			}
			return null;
		}
	}

	private void logStoreFailure(RateLimitStoreException ex) {
		long now = System.nanoTime();
		long next = this.nextLog.get();
		if (now - next < 0 || !this.nextLog.compareAndSet(next, now + LOG_INTERVAL.toNanos())) {
			this.unlogged.incrementAndGet();
			return;
		}
		if (logger.isWarnEnabled()) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			String action = (this.onStoreFailure == StoreFailurePolicy.REJECT) ? "refused with service_unavailable"
					: "let through without a limit";
			logger.warn(ex.getMessage() + " (" + cause.getClass().getName() + "): requests are " + action + " ("
					+ this.unlogged.getAndSet(0) + " more since the last such line)");
		}
	}

	/**
	 * What does not change between requests of a policy: its {@code RateLimit-Policy}
	 * item, the start of its {@code RateLimit} item, and its bucket keys (the stem, and
	 * the keys of recent callers when cached).
	 */
	private record Formatted(RateLimitPolicy policy, String policyField, String statePrefix, String keyStem,
			@Nullable BoundedCache<String, String> keys) {

		String key(String caller) {
			BoundedCache<String, String> keys = this.keys;
			return (keys != null) ? keys.get(caller) : this.keyStem.concat(caller);
		}

		/**
		 * Return the {@code RateLimit} item of this policy.
		 */
		String state(RateLimitProbe probe) {
			return RateLimitHeaders.state(this.statePrefix, probe);
		}

	}

	private static Duration atLeastOneSecond(Duration retryAfter) {
		return (retryAfter.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : retryAfter;
	}

}
