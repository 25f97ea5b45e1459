/**
 * Orders and their attachments: the service's own rules, written as it would write them.
 */
@NullMarked
package com.augno.errors.samplewebflux.orders;

import org.jspecify.annotations.NullMarked;
