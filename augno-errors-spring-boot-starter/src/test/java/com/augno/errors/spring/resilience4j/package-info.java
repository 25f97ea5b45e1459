/**
 * Tests of the Resilience4j mapping with the real library.
 */
@NullMarked
package com.augno.errors.spring.resilience4j;

import org.jspecify.annotations.NullMarked;
