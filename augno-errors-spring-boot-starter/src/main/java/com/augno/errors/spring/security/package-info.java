/**
 * The Spring Security adapters: the entry point, access denied handler and mappers that
 * answer authentication and authorization failures with the envelope.
 */
@NullMarked
package com.augno.errors.spring.security;

import org.jspecify.annotations.NullMarked;
