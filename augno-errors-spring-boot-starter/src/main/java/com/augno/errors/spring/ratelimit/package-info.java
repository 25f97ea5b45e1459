/**
 * Rate limits on Bucket4j token buckets, in memory or in Redis: declared per route in
 * {@code augno.errors.rate-limits.*} or per handler with {@link RateLimit}, answered with
 * {@code rate_limit_exceeded} and the IETF {@code RateLimit} and {@code RateLimit-Policy}
 * headers. Used when Bucket4j is on the classpath.
 */
@NullMarked
package com.augno.errors.spring.ratelimit;

import org.jspecify.annotations.NullMarked;
