/**
 * Jetty's equivalents of the Tomcat valves: the envelope for requests Jetty rejects
 * itself, and 499 in Jetty's request log for clients that went away.
 */
@NullMarked
package com.augno.errors.spring.jetty;

import org.jspecify.annotations.NullMarked;
