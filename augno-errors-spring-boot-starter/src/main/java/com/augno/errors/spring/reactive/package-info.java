/**
 * The reactive stack (Spring WebFlux): a {@code WebFilter} that gives each request its id
 * and an {@code ErrorWebExceptionHandler} that answers every failure through the same
 * mapper chain and {@link com.augno.errors.spring.format.ErrorRenderer} as the servlet
 * stack in {@code com.augno.errors.spring.servlet}.
 */
@NullMarked
package com.augno.errors.spring.reactive;

import org.jspecify.annotations.NullMarked;
