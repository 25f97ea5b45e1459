package com.augno.errors.sample.platform;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Limits each API key to its requests per minute with a Bucket4j token bucket; over the
 * limit is rate_limit_exceeded with {@code Retry-After}.
 */
class RateLimitInterceptor implements HandlerInterceptor {

	private static final int ANONYMOUS_PER_MINUTE = 600;

	private final ApiKeys apiKeys;

	private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimitInterceptor(ApiKeys apiKeys) {
		this.apiKeys = apiKeys;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String authorization = request.getHeader("Authorization");
		String secret = (authorization != null && authorization.startsWith("Bearer ")) ? authorization.substring(7)
				: "anonymous:" + request.getRemoteAddr();
		ApiKeys.ApiKey key = this.apiKeys.find(secret);
		int perMinute = (key != null) ? key.requestsPerMinute() : ANONYMOUS_PER_MINUTE;
		Bucket bucket = this.buckets.computeIfAbsent(secret,
				(name) -> Bucket.builder()
					.addLimit((limit) -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw AugnoException.of(ErrorCodes.RATE_LIMIT_EXCEEDED)
				.retryAfter(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
		return true;
	}

}
