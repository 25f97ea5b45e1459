package com.augno.errors.spring.security;

import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The one user most security test applications sign in with.
 */
final class TestUsers {

	private TestUsers() {
	}

	/**
	 * Return a user store with alice, password {@code secret}, role {@code USER}.
	 * @return the store
	 */
	static UserDetailsService alice() {
		return new InMemoryUserDetailsManager(
				User.withUsername("alice").password("{noop}secret").roles("USER").build());
	}

	/**
	 * Return the same user store for WebFlux.
	 * @return the store
	 */
	static MapReactiveUserDetailsService reactiveAlice() {
		return new MapReactiveUserDetailsService(
				User.withUsername("alice").password("{noop}secret").roles("USER").build());
	}

}
