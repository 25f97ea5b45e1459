/**
 * Auto-configuration of the Augno error envelope for Spring Boot servlet applications.
 */
@NullMarked
package com.augno.errors.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
