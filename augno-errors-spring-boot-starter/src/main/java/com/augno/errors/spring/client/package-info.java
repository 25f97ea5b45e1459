/**
 * Calls to other services with Spring's {@code RestClient}, {@code RestTemplate}, HTTP
 * interface clients or WebFlux's {@code WebClient}: downstream error responses read into
 * a {@link com.augno.errors.spring.client.DownstreamErrorException}, the request id sent
 * along, a retry policy that honours the contract, and the mapping of failed calls to
 * this service's answer.
 */
@NullMarked
package com.augno.errors.spring.client;

import org.jspecify.annotations.NullMarked;
