/**
 * Tests of the service's own error catalogue.
 */
@NullMarked
package com.augno.errors.spring.catalogue;

import org.jspecify.annotations.NullMarked;
