/**
 * Tests of the springdoc-openapi integration.
 */
@NullMarked
package com.augno.errors.spring.openapi;

import org.jspecify.annotations.NullMarked;
