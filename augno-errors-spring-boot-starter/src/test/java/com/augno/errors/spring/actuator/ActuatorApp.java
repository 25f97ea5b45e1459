package com.augno.errors.spring.actuator;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service as operations run it: Spring Boot's actuator with every endpoint exposed, a
 * health indicator that is down, an endpoint of the application's own that fails, and
 * HTTP Basic in front of everything but health.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ActuatorApp {

	/** What the failing endpoint's exception says, which must never reach a client. */
	static final String SECRET = "jdbc:postgresql://db.internal/prod";

	@Bean
	HealthIndicator downstream() {
		return () -> Health.down().withDetail("reason", "downstream unreachable").build();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health/**", "/api/**", "/error")
			.permitAll()
			.anyRequest()
			.authenticated()).httpBasic(Customizer.withDefaults()).csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(User.withUsername("ops").password("{noop}ops").roles("OPS").build());
	}

	@Bean
	Reports reports() {
		return new Reports();
	}

	/**
	 * An endpoint of the application's own: reading all fails, a missing report is null.
	 */
	@Endpoint(id = "reports")
	static class Reports {

		@ReadOperation
		Map<String, Object> all() {
			throw new IllegalStateException("Cannot reach " + SECRET);
		}

		@ReadOperation
		@Nullable Map<String, Object> one(@Selector String name) {
			return name.equals("missing") ? null : Map.of("name", name);
		}

	}

	@RestController
	static class Api {

		@GetMapping("/api/boom")
		String boom() {
			throw new IllegalStateException("boom");
		}

	}

}
