package com.augno.errors.spring.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import com.augno.errors.AugnoException;
import com.augno.errors.spring.test.LoopbackHttp;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each mapping row of Spring Security's failures over a real Tomcat and a real filter
 * chain (HTTP Basic, an API-key filter, URL rules and {@code @PreAuthorize}) that never
 * mentions the starter: status, {@code WWW-Authenticate}, headers and the whole envelope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.autoconfigure.exclude=", "augno.errors.format-negotiation=true" })
class SecurityErrorsIntegrationTests {

	private static final String BASIC_CHALLENGE = "Basic realm=\"Realm\"";

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void missingCredentialsAreInvalidCredentialsSayingSoWithTheBasicChallenge() throws Exception {
		HttpResponse<String> response = this.client.get("/hello");
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
		assertThat(response.headers().allValues("WWW-Authenticate")).as("HTTP Basic's own challenge")
			.containsExactly("Basic realm=\"Realm\", charset=\"UTF-8\"");
	}

	@Test
	void theEntryPointAndTheAccessDeniedHandlerWriteTheNegotiatedFormat() throws Exception {
		HttpResponse<String> unauthenticated = this.client.get("/hello", "Accept", "application/problem+json");
		assertThat(unauthenticated.statusCode()).isEqualTo(401);
		assertThat(unauthenticated.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(unauthenticated.headers().allValues("WWW-Authenticate"))
			.containsExactly("Basic realm=\"Realm\", charset=\"UTF-8\"");
		assertThat(unauthenticated.body()).contains("\"status\":401", "\"code\":\"invalid_credentials\"");
		HttpResponse<String> denied = this.client.get("/admin/report", "Authorization",
				LoopbackHttp.basic("alice", "secret"), "Accept", "application/problem+json");
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(denied.body()).contains("\"status\":403", "\"code\":\"insufficient_permissions\"");
	}

	@Test
	void wrongPasswordIsInvalidCredentialsKeepingTheBasicChallenge() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Authorization",
				LoopbackHttp.basic("alice", "wrong"));
		assertClientError(response, "invalid_credentials", "The provided credentials are incorrect.");
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith(BASIC_CHALLENGE);
	}

	@Test
	void unknownUserIsInvalidCredentialsKeepingTheBasicChallenge() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Authorization",
				LoopbackHttp.basic("mallory", "secret"));
		assertClientError(response, "invalid_credentials", "The provided credentials are incorrect.");
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith(BASIC_CHALLENGE);
	}

	@Test
	void expiredCredentialsAreExpiredTokenKeepingTheBasicChallenge() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Authorization",
				LoopbackHttp.basic("carol", "secret"));
		assertClientError(response, "expired_token", "Your session has expired. Please sign in again.");
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith(BASIC_CHALLENGE);
	}

	@Test
	void validCredentialsReachTheController() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello alice");
	}

	@Test
	void urlRuleDenialIsInsufficientPermissionsFromTheAutoWiredHandler() throws Exception {
		HttpResponse<String> response = this.client.get("/admin/report", "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		assertClientError(response, "insufficient_permissions", "You do not have permission to perform this action.");
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	@Test
	void springSecuritysFilterChainObservationsKeepTheirNames() throws Exception {
		// The envelope's exception translation filter stands in for Spring Security's;
		// its observations are named by the filter's simple name.
		this.client.get("/admin/report", "Authorization", LoopbackHttp.basic("alice", "secret"));
		assertThat(this.registry.find("spring.security.filterchains.access.exceptions.before").meters()).isNotEmpty();
		assertThat(this.registry.getMeters())
			.noneSatisfy((meter) -> assertThat(meter.getId().getName()).containsIgnoringCase("ExceptionTranslation"));
	}

	@Test
	void aBrowserPostingWithoutACsrfTokenGetsTheDenialThroughTheErrorDispatch() throws Exception {
		// Spring Security's own sendError(403); the error dispatch (permitted here)
		// reaches the starter's controller, which answers with the denial's own message.
		HttpResponse<String> response = this.client.postForm("/hello", "name=alice", "Authorization",
				LoopbackHttp.basic("alice", "secret"), "Accept",
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		assertClientError(response, "insufficient_permissions", "The request's CSRF token is missing or invalid.");
	}

	@Test
	void preAuthorizeDenialIsInsufficientPermissions() throws Exception {
		HttpResponse<String> response = this.client.get("/method/admin", "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		assertClientError(response, "insufficient_permissions", "You do not have permission to perform this action.");
	}

	@Test
	void preAuthorizeDenialOfACallerNotSignedInKeepsTheMechanismsChallenge() throws Exception {
		// The URL is open to all; the method demands a signed-in caller, as Spring Data
		// REST's examples do: Spring Security's exception translation answers, as without
		// the starter.
		HttpResponse<String> response = this.client.get("/open/me");
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).as("HTTP Basic's own challenge")
			.containsExactly("Basic realm=\"Realm\", charset=\"UTF-8\"");
		assertThat(this.client.get("/open/me", "Authorization", LoopbackHttp.basic("alice", "secret")).body())
			.isEqualTo("me alice");
	}

	@Test
	void preAuthorizeAllowsTheRightRole() throws Exception {
		HttpResponse<String> response = this.client.get("/method/admin", "Authorization",
				LoopbackHttp.basic("bob", "secret"));
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void thrownApiKeyExpiredExceptionIsApiKeyExpired() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "X-Api-Key", "expired");
		assertClientError(response, "api_key_expired", "The API key has expired.");
	}

	@Test
	void apiKeyRevokedExceptionThroughTheEntryPointIsApiKeyRevoked() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "X-Api-Key", "revoked");
		assertClientError(response, "api_key_revoked", "The API key has been revoked.");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void augnoExceptionAsTheCauseOfAnAuthenticationExceptionKeepsItsCodeAndMessage() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "X-Api-Key", "wrapped");
		assertClientError(response, "api_key_revoked", "The API key was revoked by its owner.");
	}

	@Test
	void augnoExceptionThrownByAnAuthenticationFilterKeepsItsCode() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "X-Api-Key", "unpaid");
		assertClientError(response, "payment_required",
				"Your subscription is past due. Please update your payment method to continue.");
	}

	@Test
	void validApiKeyReachesTheController() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "X-Api-Key", "valid");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello service");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableMethodSecurity
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationEntryPoint entryPoint) {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/error", "/open/**")
					.permitAll()
					.requestMatchers("/admin/**")
					.hasRole("ADMIN")
					.anyRequest()
					.authenticated())
				.httpBasic(Customizer.withDefaults())
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.addFilterBefore(new ApiKeyFilter(entryPoint), BasicAuthenticationFilter.class)
				.build();
		}

		@Bean
		UserDetailsService userDetailsService() {
			return new InMemoryUserDetailsManager(
					User.withUsername("alice").password("{noop}secret").roles("USER").build(),
					User.withUsername("bob").password("{noop}secret").roles("USER", "ADMIN").build(),
					User.withUsername("carol").password("{noop}secret").roles("USER").credentialsExpired(true).build());
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/hello")
		String hello() {
			return "hello " + SecurityContextHolder.getContext().getAuthentication().getName();
		}

		@GetMapping("/admin/report")
		String report() {
			return "report";
		}

		@GetMapping("/open/me")
		@PreAuthorize("isAuthenticated()")
		String me() {
			return "me " + SecurityContextHolder.getContext().getAuthentication().getName();
		}

		@GetMapping("/method/admin")
		@PreAuthorize("hasRole('ADMIN')")
		String methodAdmin() {
			return "admin";
		}

	}

	/**
	 * An application's own API-key authentication: some failures go to the entry point,
	 * as Spring Security's own filters do, some are simply thrown.
	 */
	static final class ApiKeyFilter extends OncePerRequestFilter {

		private final AuthenticationEntryPoint entryPoint;

		ApiKeyFilter(AuthenticationEntryPoint entryPoint) {
			this.entryPoint = entryPoint;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String key = request.getHeader("X-Api-Key");
			if (key == null) {
				chain.doFilter(request, response);
				return;
			}
			if ("expired".equals(key)) {
				// Not handed to the entry point: it leaves the security chain as it is.
				throw new ApiKeyExpiredException("Key 'expired' has expired.");
			}
			try {
				authenticate(key);
			}
			catch (AuthenticationException ex) {
				this.entryPoint.commence(request, response, ex);
				return;
			}
			chain.doFilter(request, response);
		}

		private static void authenticate(String key) {
			switch (key) {
				case "valid" -> SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("service", null,
							AuthorityUtils.createAuthorityList(List.of("ROLE_USER"))));
				case "revoked" -> throw new ApiKeyRevokedException("Key 'revoked' is revoked.");
				case "wrapped" -> throw new BadCredentialsException("Key rejected.",
						AugnoException.of("api_key_revoked").message("The API key was revoked by its owner."));
				case "unpaid" -> throw AugnoException.of("payment_required");
				default -> throw new BadCredentialsException("Unknown key.");
			}
		}

	}

}
