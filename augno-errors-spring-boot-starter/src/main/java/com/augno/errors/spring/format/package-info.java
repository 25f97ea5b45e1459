/**
 * The format SPI: an {@link com.augno.errors.spring.format.ErrorFormat} turns a
 * {@link com.augno.errors.spring.format.ResolvedError} into the body, content type and
 * headers of the response; built in are the Augno envelope and RFC 9457 problem details.
 */
@NullMarked
package com.augno.errors.spring.format;

import org.jspecify.annotations.NullMarked;
