/**
 * The starter's part of the HTTP benchmark's WebFlux variants ({@code augno} and
 * {@code boot} of {@code BENCH_STACK=webflux bench/run.sh}).
 */
@NullMarked
package com.augno.errors.bench.app.webflux;

import org.jspecify.annotations.NullMarked;
