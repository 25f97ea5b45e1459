/**
 * Endpoints that show the operational codes: a bug, a deadline and a stream a client can
 * walk away from.
 */
@NullMarked
package com.augno.errors.sample.ops;

import org.jspecify.annotations.NullMarked;
