/**
 * Sandbox accounts under a plan limit, and address details.
 */
@NullMarked
package com.augno.errors.sample.core;

import org.jspecify.annotations.NullMarked;
