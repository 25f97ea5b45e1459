/**
 * Mapping of failed downstream HTTP calls made with Spring's {@code RestClient},
 * {@code RestTemplate} or HTTP interface clients.
 */
@NullMarked
package com.augno.errors.spring.client;

import org.jspecify.annotations.NullMarked;
