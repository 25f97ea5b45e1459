/**
 * Spring Boot support for the Augno error contract.
 */
@NullMarked
package com.augno.errors.spring;

import org.jspecify.annotations.NullMarked;
