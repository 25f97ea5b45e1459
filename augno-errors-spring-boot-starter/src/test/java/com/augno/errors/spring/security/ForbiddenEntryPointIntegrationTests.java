package com.augno.errors.spring.security;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.Http403ForbiddenEntryPoint;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 403 entry point chosen on purpose is kept: X.509's (the certificate is the TLS
 * handshake's, so no {@code Authorization} header can help) and the application's own.
 * Only Spring Security's fallback for a chain without any mechanism becomes the 401 with
 * its challenge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.autoconfigure.exclude=" })
class ForbiddenEntryPointIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void x509WithoutCertificateKeepsItsForbidden() throws Exception {
		HttpResponse<String> response = this.client.get("/x509/me", "Accept", "application/json");
		assertClientError(response, "insufficient_permissions", "You do not have permission to perform this action.");
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	@Test
	void applicationsOwnForbiddenEntryPointIsKept() throws Exception {
		HttpResponse<String> response = this.client.get("/own/me", "Accept", "application/json");
		assertClientError(response, "insufficient_permissions", "You do not have permission to perform this action.");
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	@Test
	void aChainWithoutAnyMechanismAsksForCredentials() throws Exception {
		HttpResponse<String> response = this.client.get("/none/me", "Accept", "application/json");
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		@Order(1)
		SecurityFilterChain x509Chain(HttpSecurity http) {
			return http.securityMatcher("/x509/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.x509(Customizer.withDefaults())
				.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain ownChain(HttpSecurity http) {
			return http.securityMatcher("/own/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.exceptionHandling(
						(exceptions) -> exceptions.authenticationEntryPoint(new Http403ForbiddenEntryPoint()))
				.build();
		}

		@Bean
		@Order(3)
		SecurityFilterChain noMechanismChain(HttpSecurity http) {
			return http.securityMatcher("/none/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.build();
		}

		@Bean
		UserDetailsService userDetailsService() {
			return TestUsers.alice();
		}

	}

	@RestController
	static class Controller {

		@GetMapping({ "/x509/me", "/own/me", "/none/me" })
		String me() {
			return "me";
		}

	}

}
