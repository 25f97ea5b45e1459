/**
 * Tests of the formats, their choice per request and their messages.
 */
@NullMarked
package com.augno.errors.spring.format;

import org.jspecify.annotations.NullMarked;
