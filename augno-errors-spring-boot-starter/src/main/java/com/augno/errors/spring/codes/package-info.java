/**
 * The startup check that every error code the application's own classes pass to
 * {@code AugnoException.of} as a string constant is known to the registry.
 */
@NullMarked
package com.augno.errors.spring.codes;

import org.jspecify.annotations.NullMarked;
