/**
 * Account users, which only a key that may write can change.
 */
@NullMarked
package com.augno.errors.sample.identity;

import org.jspecify.annotations.NullMarked;
