/**
 * Idempotency keys: a request carrying an {@code Idempotency-Key} header is executed once
 * per caller, endpoint and key, and its response replayed to retries; the store behind it
 * is an SPI with an in-memory and a Redis implementation.
 */
@NullMarked
package com.augno.errors.spring.idempotency;

import org.jspecify.annotations.NullMarked;
