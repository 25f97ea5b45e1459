package com.augno.errors.spring.security;

import java.net.URI;
import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
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
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OAuth2 client application: a handler that needs an authorized client the user does
 * not have yet sends the user to the authorization server, as without the starter, since
 * Spring Security's {@code OAuth2AuthorizationRequestRedirectFilter} answers the
 * {@link ClientAuthorizationRequiredException}; without that filter in its chain the
 * exception stays a failure the starter answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.autoconfigure.exclude=", "spring.security.oauth2.client.registration.x.client-id=app",
		"spring.security.oauth2.client.registration.x.client-secret=secret",
		"spring.security.oauth2.client.registration.x.authorization-grant-type=authorization_code",
		"spring.security.oauth2.client.registration.x.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
		"spring.security.oauth2.client.registration.x.scope=message.read",
		"spring.security.oauth2.client.provider.x.authorization-uri=http://127.0.0.1:9/oauth2/authorize",
		"spring.security.oauth2.client.provider.x.token-uri=http://127.0.0.1:9/oauth2/token" })
class OAuth2ClientReauthorizationIntegrationTests {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void aBrowserWhoseHandlerNeedsAnAuthorizedClientIsSentToTheAuthorizationServer() throws Exception {
		assertSentToAuthorizationServer(this.client.get("/messages", "Accept", BROWSER_ACCEPT));
	}

	@Test
	void aHandlerThatThrowsTheExceptionItselfSendsTheUserThereToo() throws Exception {
		assertSentToAuthorizationServer(this.client.get("/thrown", "Accept", BROWSER_ACCEPT));
	}

	@Test
	void anApiClientGetsTheRedirectAsWithoutTheStarter() throws Exception {
		// The filter decides, for every client, as it does without the starter.
		assertSentToAuthorizationServer(this.client.get("/messages", "Accept", "application/json"));
	}

	@Test
	void aChainWithoutAnOAuth2ClientLeavesTheExceptionToTheStarter() throws Exception {
		HttpResponse<String> response = this.client.get("/plain/thrown", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertThat(response.body()).contains("\"code\":\"internal_error\"")
			.doesNotContain("ClientAuthorizationRequiredException");
	}

	@Test
	void aCauseChainThatLoopsIsAnsweredNotWalkedForever() throws Exception {
		// Looked through for the redirect filter's exception within a bound, and
		// answered by the starter, rather than followed without end.
		HttpResponse<String> response = this.client.get("/looping", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Location")).isEmpty();
		AugnoErrors.assertThat(response).isAugnoError("internal_error");
	}

	private void assertSentToAuthorizationServer(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(302);
		URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
		assertThat(location.getScheme() + "://" + location.getAuthority() + location.getPath())
			.isEqualTo("http://127.0.0.1:9/oauth2/authorize");
		assertThat(location.getQuery()).contains("response_type=code", "client_id=app", "scope=message.read");
		assertThat(response.body()).doesNotContain("internal_error");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Controller.class, PlainController.class })
	static class App {

		@Bean
		@Order(1)
		SecurityFilterChain plainChain(HttpSecurity http) {
			return http.securityMatcher("/plain/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain clientChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.oauth2Client(Customizer.withDefaults())
				.build();
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/messages")
		String messages(@RegisteredOAuth2AuthorizedClient("x") OAuth2AuthorizedClient client) {
			return client.getAccessToken().getTokenValue();
		}

		@GetMapping("/thrown")
		String thrown() {
			throw new ClientAuthorizationRequiredException("x");
		}

		@GetMapping("/looping")
		String looping() {
			LoopingFailure first = new LoopingFailure();
			LoopingFailure second = new LoopingFailure();
			first.next = second;
			second.next = first;
			throw first;
		}

	}

	@RestController
	static class PlainController {

		@GetMapping("/plain/thrown")
		String thrown() {
			throw new ClientAuthorizationRequiredException("x");
		}

	}

	/**
	 * A failure whose cause chain loops back to it.
	 */
	static final class LoopingFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		transient LoopingFailure next;

		@Override
		public synchronized Throwable getCause() {
			return this.next;
		}

	}

}
