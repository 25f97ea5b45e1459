/**
 * Mapping of the exceptions with which Resilience4j refuses or abandons a call.
 */
@NullMarked
package com.augno.errors.spring.resilience4j;

import org.jspecify.annotations.NullMarked;
