/**
 * What both web stacks share: the request id, the error logger and its crash-storm
 * policy, the error listener, and the annotations a controller declares its errors with.
 * The servlet stack lives in {@code servlet}, the reactive one in {@code reactive}.
 */
@NullMarked
package com.augno.errors.spring.web;

import org.jspecify.annotations.NullMarked;
