/**
 * A fixture whose class passes a misspelt code.
 */
@NullMarked
package com.augno.errors.spring.codes.misspelt;

import org.jspecify.annotations.NullMarked;
