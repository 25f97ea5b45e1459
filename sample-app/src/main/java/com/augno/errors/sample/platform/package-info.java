/**
 * Cross-cutting request handling of the sample: accounts, idempotency keys and rate
 * limits.
 */
@NullMarked
package com.augno.errors.sample.platform;

import org.jspecify.annotations.NullMarked;
