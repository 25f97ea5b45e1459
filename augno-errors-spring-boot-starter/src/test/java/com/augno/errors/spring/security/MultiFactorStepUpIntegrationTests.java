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
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ott.RedirectOneTimeTokenGenerationSuccessHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security 7's multi-factor authentication: a user signed in with one factor who
 * lacks the second is sent to that factor's login, as without the starter, rather than
 * forbidden. An ordinary denial is still the envelope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.autoconfigure.exclude=" })
class MultiFactorStepUpIntegrationTests {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void browserSignedInWithAPasswordIsSentToTheSecondFactor() throws Exception {
		HttpResponse<String> response = this.client.get("/account", "Accept", BROWSER_ACCEPT, "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).startsWith("http://127.0.0.1:" + this.port + "/login"));
		assertThat(response.body()).isEmpty();
	}

	@Test
	void aMissingRoleIsStillForbiddenWithTheEnvelope() throws Exception {
		HttpResponse<String> response = this.client.get("/admin", "Accept", "application/json", "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertClientError(response, "insufficient_permissions", "You do not have permission to perform this action.");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableMultiFactorAuthentication(authorities = {})
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/admin")
					.hasRole("ADMIN")
					.anyRequest()
					.hasAllAuthorities(FactorGrantedAuthority.PASSWORD_AUTHORITY, FactorGrantedAuthority.OTT_AUTHORITY))
				.httpBasic(Customizer.withDefaults())
				.formLogin(Customizer.withDefaults())
				.oneTimeTokenLogin((ott) -> ott
					.tokenGenerationSuccessHandler(new RedirectOneTimeTokenGenerationSuccessHandler("/ott/sent")))
				.build();
		}

		@Bean
		UserDetailsService userDetailsService() {
			return TestUsers.alice();
		}

	}

	@RestController
	static class Controller {

		@GetMapping({ "/account", "/admin" })
		String account() {
			return "account";
		}

	}

}
