/**
 * The Tomcat valves that answer requests Tomcat rejects itself with the envelope, record
 * the 499 of a client that went away and abort a response that failed after commit, and
 * the mapper for Tomcat's multipart parsing failures.
 */
@NullMarked
package com.augno.errors.spring.tomcat;

import org.jspecify.annotations.NullMarked;
