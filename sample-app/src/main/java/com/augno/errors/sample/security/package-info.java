/**
 * API-key authentication through Spring Security: bearer keys that work, expire, are
 * revoked or may only read.
 */
@NullMarked
package com.augno.errors.sample.security;

import org.jspecify.annotations.NullMarked;
