/**
 * The part of the HTTP benchmark's {@code wimdeblauwe} variant that depends on
 * wimdeblauwe's error-handling-spring-boot-starter.
 */
@NullMarked
package com.augno.errors.bench.app.wimdeblauwe;

import org.jspecify.annotations.NullMarked;
