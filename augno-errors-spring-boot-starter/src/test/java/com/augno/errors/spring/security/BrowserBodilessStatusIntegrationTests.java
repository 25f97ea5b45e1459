package com.augno.errors.spring.security;

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
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with error pages whose security rules do not permit {@code /error}
 * (denied by default: {@code anyRequest().denyAll()}), over a real Tomcat: a status its
 * handler sets without a body keeps that status for a browser, with the application's
 * page. Sent through the container's error dispatch, the page would meet the security
 * rules again and the browser would get their 401 (a sign-in dialog) or 403 instead;
 * without the starter such a status never goes through {@code /error}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.autoconfigure.exclude=",
				"spring.thymeleaf.prefix=classpath:/browser-app/templates/",
				"spring.messages.basename=browser-app/messages", "spring.messages.fallback-to-system-locale=false" })
class BrowserBodilessStatusIntegrationTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void anAnonymousBrowserKeepsAPermittedHandlersBodilessNotFound() throws Exception {
		HttpResponse<String> response = this.http.get("/public/things/1", "Accept", BROWSER);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(response.body()).contains("<p id=\"page\">error/404</p>", "<p id=\"code\">resource_not_found</p>");
	}

	@Test
	void aSignedInBrowserKeepsAHandlersBodilessBadRequest() throws Exception {
		HttpResponse<String> response = this.http.get("/api/items?sort=bad", "Accept", BROWSER, "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(response.body()).contains("<p id=\"page\">error</p>", "<p id=\"status\">400 Bad Request</p>");
	}

	@Test
	void anApiClientGetsTheEnvelopeForTheSameStatuses() throws Exception {
		AugnoErrors.assertThat(this.http.get("/public/things/1", "Accept", "application/json"))
			.isAugnoError("resource_not_found");
		AugnoErrors.assertThat(this.http.get("/api/items?sort=bad", "Accept", "application/json", "Authorization",
				LoopbackHttp.basic("alice", "secret")))
			.isAugnoError("validation_failed");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/public/**")
					.permitAll()
					.requestMatchers("/api/**")
					.authenticated()
					.anyRequest()
					.denyAll())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

		@Bean
		UserDetailsService userDetailsService() {
			return TestUsers.alice();
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/public/things/{id}")
		ResponseEntity<String> thing(@PathVariable int id) {
			return ResponseEntity.notFound().build();
		}

		@GetMapping("/api/items")
		ResponseEntity<String> items(@RequestParam String sort) {
			return ResponseEntity.badRequest().build();
		}

	}

}
