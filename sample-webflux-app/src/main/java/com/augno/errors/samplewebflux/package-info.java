/**
 * The WebFlux sample service.
 */
@NullMarked
package com.augno.errors.samplewebflux;

import org.jspecify.annotations.NullMarked;
