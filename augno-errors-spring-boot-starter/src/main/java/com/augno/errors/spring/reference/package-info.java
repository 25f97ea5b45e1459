/**
 * The published contract: the error reference page and the JSON catalogue, generated from
 * the registry the service answers with, served and exported.
 */
@NullMarked
package com.augno.errors.spring.reference;

import org.jspecify.annotations.NullMarked;
