/**
 * The starter's container-dependent HTTP tests on an embedded Jetty.
 */
@NullMarked
package com.augno.errors.spring.jetty;

import org.jspecify.annotations.NullMarked;
