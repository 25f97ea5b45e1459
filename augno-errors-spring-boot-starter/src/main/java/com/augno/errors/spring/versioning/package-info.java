/**
 * Date-based API versioning in a request header, and the api_version_* errors of Spring
 * Framework's API versioning failures.
 */
@NullMarked
package com.augno.errors.spring.versioning;

import org.jspecify.annotations.NullMarked;
