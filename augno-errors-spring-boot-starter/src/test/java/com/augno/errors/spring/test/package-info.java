/**
 * Test support shared by the starter's tests.
 */
@NullMarked
package com.augno.errors.spring.test;

import org.jspecify.annotations.NullMarked;
