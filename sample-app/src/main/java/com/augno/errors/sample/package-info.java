/**
 * The sample service.
 */
@NullMarked
package com.augno.errors.sample;

import org.jspecify.annotations.NullMarked;
