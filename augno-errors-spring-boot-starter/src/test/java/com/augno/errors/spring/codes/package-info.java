/**
 * Tests of the startup check of error code constants.
 */
@NullMarked
package com.augno.errors.spring.codes;

import org.jspecify.annotations.NullMarked;
