/**
 * The servlet stack (Spring MVC on Tomcat or Jetty): the filter, controller advice,
 * exception resolver, error controller and writer that answer every failed request with
 * the configured error format.
 */
@NullMarked
package com.augno.errors.spring.servlet;

import org.jspecify.annotations.NullMarked;
