/**
 * The springdoc-openapi integration: the envelope as a schema and, per operation, the
 * error responses it can produce, generated from the registry the server answers with.
 */
@NullMarked
package com.augno.errors.spring.openapi;

import org.jspecify.annotations.NullMarked;
