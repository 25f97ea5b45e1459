/**
 * The starter's part of the HTTP benchmark's {@code augno} and {@code boot} variants.
 */
@NullMarked
package com.augno.errors.bench.app.augno;

import org.jspecify.annotations.NullMarked;
