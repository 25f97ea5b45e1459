/**
 * JMH benchmarks of the rendering path: a throwable, mapped by the starter's mapper
 * chain, written to the bytes of its envelope.
 */
@NullMarked
package com.augno.errors.bench.jmh;

import org.jspecify.annotations.NullMarked;
