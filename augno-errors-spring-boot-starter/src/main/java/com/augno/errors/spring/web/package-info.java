/**
 * The servlet side: the filter, controller advice, error controller and writer that
 * answer every failed request with the envelope.
 */
@NullMarked
package com.augno.errors.spring.web;

import org.jspecify.annotations.NullMarked;
