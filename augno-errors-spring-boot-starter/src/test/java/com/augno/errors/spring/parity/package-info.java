/**
 * One scenario list run against a Spring MVC application over Tomcat and a Spring WebFlux
 * application over Reactor Netty.
 */
@NullMarked
package com.augno.errors.spring.parity;

import org.jspecify.annotations.NullMarked;
