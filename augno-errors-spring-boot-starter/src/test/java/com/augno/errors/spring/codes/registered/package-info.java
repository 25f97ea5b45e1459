/**
 * A fixture whose class passes only registered codes.
 */
@NullMarked
package com.augno.errors.spring.codes.registered;

import org.jspecify.annotations.NullMarked;
