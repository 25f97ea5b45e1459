/**
 * Micrometer metrics of the errors answered with the Augno error envelope.
 */
@NullMarked
package com.augno.errors.spring.micrometer;

import org.jspecify.annotations.NullMarked;
