/**
 * What every request goes through before a controller.
 */
@NullMarked
package com.augno.errors.samplewebflux.platform;

import org.jspecify.annotations.NullMarked;
