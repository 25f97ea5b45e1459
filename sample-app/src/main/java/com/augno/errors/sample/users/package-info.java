/**
 * Registration of users.
 */
@NullMarked
package com.augno.errors.sample.users;

import org.jspecify.annotations.NullMarked;
