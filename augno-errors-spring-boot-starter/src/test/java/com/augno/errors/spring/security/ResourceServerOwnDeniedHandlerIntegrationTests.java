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
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring MVC chain whose resource server has an access denied handler of the
 * application's own ({@code oauth2ResourceServer(s -> s.accessDeniedHandler(...))}): as
 * the chain's only default handler, Spring Security gives it every denial of the chain, a
 * token's caller's and a caller's signed in with HTTP Basic, and the starter leaves its
 * answers as they are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.autoconfigure.exclude=" })
class ResourceServerOwnDeniedHandlerIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void aTokensCallerGetsTheApplicationsOwnDenial() throws Exception {
		assertOwnDenial(this.client.get("/api/admin", "Authorization", "Bearer " + TestTokens.readScoped()));
	}

	@Test
	void aBasicCallerGetsTheApplicationsOwnDenial() throws Exception {
		assertOwnDenial(this.client.get("/api/admin", "Authorization", LoopbackHttp.basic("alice", "secret")));
	}

	private static void assertOwnDenial(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("X-Denied-By")).hasValue("application");
		assertThat(response.body()).isEqualTo("{\"denied\":\"by the application\"}");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/error")
					.permitAll()
					.requestMatchers("/api/admin")
					.hasAuthority("SCOPE_admin")
					.anyRequest()
					.authenticated())
				.httpBasic(Customizer.withDefaults())
				.oauth2ResourceServer((server) -> server.accessDeniedHandler(ownDenial())
					.jwt((jwt) -> jwt.decoder(NimbusJwtDecoder.withSecretKey(TestTokens.KEY).build())))
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.build();
		}

		private static AccessDeniedHandler ownDenial() {
			return (request, response, denied) -> {
				response.setStatus(403);
				response.setHeader("X-Denied-By", "application");
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getWriter().write("{\"denied\":\"by the application\"}");
			};
		}

		@Bean
		UserDetailsService userDetailsService() {
			return TestUsers.alice();
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/api/admin")
		String admin() {
			return "admin";
		}

	}

}
