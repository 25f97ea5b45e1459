/**
 * Tests of the augno.errors counter.
 */
@NullMarked
package com.augno.errors.spring.micrometer;

import org.jspecify.annotations.NullMarked;
