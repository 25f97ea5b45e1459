/**
 * Tests of the downstream HTTP call mapping against a real local HTTP server.
 */
@NullMarked
package com.augno.errors.spring.client;

import org.jspecify.annotations.NullMarked;
