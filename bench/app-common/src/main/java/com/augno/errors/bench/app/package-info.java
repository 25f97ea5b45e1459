/**
 * The HTTP benchmark's app without its error handling: one success and one of each
 * failure, driven by {@code bench/run.sh}.
 */
@NullMarked
package com.augno.errors.bench.app;

import org.jspecify.annotations.NullMarked;
