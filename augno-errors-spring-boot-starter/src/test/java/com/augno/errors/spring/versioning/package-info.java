/**
 * Tests of date-based API versioning and the api_version_* errors.
 */
@NullMarked
package com.augno.errors.spring.versioning;

import org.jspecify.annotations.NullMarked;
