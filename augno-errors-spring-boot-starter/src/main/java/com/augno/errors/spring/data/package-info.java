/**
 * Mapping of Spring's data access and transaction failures, used when spring-tx is on the
 * classpath.
 */
@NullMarked
package com.augno.errors.spring.data;

import org.jspecify.annotations.NullMarked;
