package com.augno.errors.spring.ratelimit;

import java.time.Duration;

/**
 * The outcome of taking one request from a caller's bucket.
 *
 * @param consumed whether the request fits in the limit
 * @param remaining the requests left in the current window
 * @param retryAfter when a refused request may be retried ({@link Duration#ZERO} when
 * consumed)
 * @param reset when the window ends and the limit is given back in full
 * @since 0.1.0
 */
public record RateLimitProbe(boolean consumed, long remaining, Duration retryAfter, Duration reset) {

}
