/**
 * Cross-cutting request handling of the sample: accounts and rate limits.
 */
@NullMarked
package com.augno.errors.sample.platform;

import org.jspecify.annotations.NullMarked;
