/**
 * Tests of the rate limits.
 */
@NullMarked
package com.augno.errors.spring.ratelimit;

import org.jspecify.annotations.NullMarked;
