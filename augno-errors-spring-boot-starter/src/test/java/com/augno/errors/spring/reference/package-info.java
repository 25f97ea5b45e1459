/**
 * Tests of the error reference page and the JSON catalogue: rendered, served, exported
 * and driven in a real browser.
 */
@NullMarked
package com.augno.errors.spring.reference;

import org.jspecify.annotations.NullMarked;
