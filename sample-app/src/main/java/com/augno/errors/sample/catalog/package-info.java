/**
 * The catalog: items listed with limit, cursor and page, read, updated and deleted.
 */
@NullMarked
package com.augno.errors.sample.catalog;

import org.jspecify.annotations.NullMarked;
