/**
 * A service's own catalogue of error codes, declared in one YAML or JSON resource: the
 * model and its reader.
 */
@NullMarked
package com.augno.errors.spring.catalogue;

import org.jspecify.annotations.NullMarked;
