/**
 * Tests of the Tomcat valves over a real embedded Tomcat.
 */
@NullMarked
package com.augno.errors.spring.tomcat;

import org.jspecify.annotations.NullMarked;
