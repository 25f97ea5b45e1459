/**
 * Shipping rates from a downstream provider, simulated by an HTTP server the sample
 * starts itself.
 */
@NullMarked
package com.augno.errors.sample.shipping;

import org.jspecify.annotations.NullMarked;
