/**
 * Tests of the data access mapping against a real embedded database.
 */
@NullMarked
package com.augno.errors.spring.data;

import org.jspecify.annotations.NullMarked;
