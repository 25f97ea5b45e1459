/**
 * The exception mapper chain: each mapper turns one family of throwables into a
 * {@link com.augno.errors.spring.mapping.MappedError}.
 */
@NullMarked
package com.augno.errors.spring.mapping;

import org.jspecify.annotations.NullMarked;
