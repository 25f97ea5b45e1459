/**
 * The Augno error contract in plain Java: the codes, their registry, the envelope values
 * and the exception application code throws.
 */
@NullMarked
package com.augno.errors;

import org.jspecify.annotations.NullMarked;
