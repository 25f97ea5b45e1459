package com.augno.errors.spring.security;

import java.net.URI;
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
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security on WebFlux over Reactor Netty with {@code formLogin()} alone: a browser
 * keeps its redirect to the login page, an API client gets a 401 with the envelope
 * instead, as on Spring MVC, within {@code augno.errors.paths}; the chain's other
 * redirects (after a failed sign-in) are kept for every client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive", "augno.errors.paths=/account/**" })
class ReactiveFormLoginIntegrationTests {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void aBrowserIsRedirectedToTheLoginPage() throws Exception {
		HttpResponse<String> response = this.client.get("/account", "Accept", BROWSER_ACCEPT);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("/login");
		assertThat(response.body()).isEmpty();
	}

	@Test
	void anApiClientGetsTheEnvelopeInsteadOfTheRedirect() throws Exception {
		for (String[] headers : new String[][] { { "Accept", "application/json" }, { "Accept", "*/*" },
				{ "Accept", "*/*", "X-Requested-With", "XMLHttpRequest" } }) {
			HttpResponse<String> response = this.client.get("/account", headers);
			assertClientError(response, "invalid_credentials", "No credentials were provided.");
			assertThat(response.headers().firstValue("Location")).isEmpty();
			assertThat(response.headers().allValues("WWW-Authenticate"))
				.as("the configured challenge: a form sets none")
				.containsExactly("Bearer");
		}
	}

	@Test
	void aRequestThatNamesNoMediaTypeKeepsTheRedirect() throws Exception {
		HttpResponse<String> response = this.client.get("/account");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("/login");
	}

	@Test
	void anHtmxRequestKeepsTheRedirect() throws Exception {
		HttpResponse<String> response = this.client.get("/account", "Accept", "*/*", "HX-Request", "true");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("/login");
	}

	@Test
	void outsideThePathsAnApiClientKeepsTheRedirect() throws Exception {
		HttpResponse<String> response = this.client.get("/elsewhere", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("/login");
	}

	@Test
	void theLoginPageStillServesTheBrowser() throws Exception {
		HttpResponse<String> response = this.client.get("/login", "Accept", BROWSER_ACCEPT);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("<form");
	}

	@Test
	void aFailedSignInKeepsItsRedirectForEveryClient() throws Exception {
		HttpResponse<String> response = signIn("wrong");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("/login?error");
	}

	@Test
	void aSignedInCallerDeniedKeepsTheAccessDeniedHandlersRedirect() throws Exception {
		HttpResponse<String> signedIn = signIn("secret");
		assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
		String session = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		HttpResponse<String> response = this.client.get("/account/admin", "Cookie", session, "Accept",
				"application/json");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("/denied");
	}

	private HttpResponse<String> signIn(String password) throws Exception {
		HttpResponse<String> page = this.client.get("/login", "Accept", BROWSER_ACCEPT);
		String token = page.body().replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		return this.client.postForm("/login", "username=alice&password=" + password + "&_csrf=" + token, "Cookie",
				cookie, "Accept", "application/json");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http
				.authorizeExchange((exchanges) -> exchanges.pathMatchers("/account/admin")
					.hasRole("ADMIN")
					.anyExchange()
					.authenticated())
				.formLogin(Customizer.withDefaults())
				.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler((exchange,
						denied) -> new DefaultServerRedirectStrategy().sendRedirect(exchange, URI.create("/denied"))))
				.build();
		}

		@Bean
		MapReactiveUserDetailsService userDetailsService() {
			return TestUsers.reactiveAlice();
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/account")
		String account() {
			return "account";
		}

	}

}
