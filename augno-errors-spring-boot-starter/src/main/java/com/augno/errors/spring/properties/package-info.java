/**
 * The {@code augno.errors.*} configuration properties.
 */
@NullMarked
package com.augno.errors.spring.properties;

import org.jspecify.annotations.NullMarked;
