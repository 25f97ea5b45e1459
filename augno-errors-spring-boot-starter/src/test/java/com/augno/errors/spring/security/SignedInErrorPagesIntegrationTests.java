package com.augno.errors.spring.security;

import java.net.http.HttpResponse;
import java.security.Principal;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
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
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page for a status a handler set without a body is rendered after Spring Security's
 * filter chain returned and cleared its context, over a real Tomcat: its layout still
 * sees the signed-in user, as the application's own pages do, whether the user signed in
 * with a form (the context kept in the session) or with HTTP Basic (kept in the request);
 * an anonymous visitor stays a guest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.autoconfigure.exclude=", "spring.thymeleaf.prefix=classpath:/signed-in-app/templates/" })
class SignedInErrorPagesIntegrationTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aUserSignedInWithAFormIsSignedInOnThePage() throws Exception {
		HttpResponse<String> login = this.http.postForm("/login", "username=alice&password=secret");
		assertThat(login.statusCode()).isEqualTo(302);
		String session = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		assertSignedIn(this.http.get("/things/1", "Accept", BROWSER, "Cookie", session));
	}

	@Test
	void aUserSignedInWithHttpBasicIsSignedInOnThePage() throws Exception {
		assertSignedIn(
				this.http.get("/things/1", "Accept", BROWSER, "Authorization", LoopbackHttp.basic("alice", "secret")));
	}

	@Test
	void anAnonymousVisitorStaysAGuest() throws Exception {
		HttpResponse<String> response = this.http.get("/public/things/1", "Accept", BROWSER);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("<nav id=\"user\">guest</nav>", "<p id=\"principal\">none</p>",
				"<p id=\"remote-user\">none</p>", "<p id=\"holder\">none</p>", "<p id=\"code\">resource_not_found</p>");
	}

	@Test
	void anApiClientGetsTheEnvelope() throws Exception {
		HttpResponse<String> response = this.http.get("/things/1", "Accept", "application/json", "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		AugnoErrors.assertThat(response).isAugnoError("resource_not_found").hasNoParam().hasContentLength();
		assertThat(response.body()).doesNotContain("alice");
	}

	private static void assertSignedIn(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(response.body()).contains("<nav id=\"user\">alice</nav>", "<p id=\"principal\">alice</p>",
				"<p id=\"remote-user\">alice</p>", "<p id=\"holder\">alice</p>", "<p id=\"status\">404</p>",
				"<p id=\"code\">resource_not_found</p>");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Controller.class, UserAdvice.class })
	static class App {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http
				.authorizeHttpRequests(
						(requests) -> requests.requestMatchers("/public/**").permitAll().anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.httpBasic(Customizer.withDefaults())
				.csrf(AbstractHttpConfigurer::disable)
				.build();
		}

		@Bean
		UserDetailsService userDetailsService() {
			return TestUsers.alice();
		}

	}

	@RestController
	static class Controller {

		@GetMapping({ "/things/{id}", "/public/things/{id}" })
		ResponseEntity<String> thing(@PathVariable int id) {
			return ResponseEntity.notFound().build();
		}

	}

	/**
	 * Gives every page the signed-in user, as a layout's navigation shows it.
	 */
	@ControllerAdvice
	static class UserAdvice {

		@ModelAttribute("user")
		String user(@AuthenticationPrincipal @Nullable UserDetails user) {
			return (user != null) ? user.getUsername() : "guest";
		}

		@ModelAttribute("principalName")
		String principalName(@Nullable Principal principal) {
			return (principal != null) ? principal.getName() : "none";
		}

		@ModelAttribute("remoteUser")
		String remoteUser(HttpServletRequest request) {
			String user = request.getRemoteUser();
			return (user != null) ? user : "none";
		}

		// What a layout's sec:authorize and sec:authentication read.
		@ModelAttribute("holderName")
		String holderName() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return (authentication != null) ? authentication.getName() : "none";
		}

	}

}
