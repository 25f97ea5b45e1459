/**
 * Tests of the Spring Security adapters.
 */
@NullMarked
package com.augno.errors.spring.security;

import org.jspecify.annotations.NullMarked;
