/**
 * Two services with the starter calling each other over loopback.
 */
@NullMarked
package com.augno.errors.spring.client.loopback;

import org.jspecify.annotations.NullMarked;
