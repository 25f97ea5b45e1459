package com.augno.errors.spring.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.augno.errors.AugnoException;
import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser application on another origin reads the envelope only if the error response
 * carries the CORS headers the success would: a 404, a malformed body and a 401 keep
 * Spring Security's {@code Access-Control-Allow-Origin}, and preflight requests are
 * answered by CORS, not turned into errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.autoconfigure.exclude=" })
class CorsIntegrationTests {

	private static final String ORIGIN = "https://app.example";

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void anErrorOfTheApplicationCarriesTheCorsHeaders() throws Exception {
		HttpResponse<String> response = this.client.get("/public/items/7", "Origin", ORIGIN);
		AugnoErrors.assertThat(response).isAugnoError("resource_not_found").hasStatus(404);
		assertAllowed(response);
	}

	@Test
	void aMalformedBodyCarriesTheCorsHeaders() throws Exception {
		HttpResponse<String> response = this.client.send(this.client.request("/public/items")
			.header("Origin", ORIGIN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":")));
		AugnoErrors.assertThat(response).isAugnoError("validation_failed").hasStatus(400);
		assertAllowed(response);
	}

	@Test
	void aRequestThatMustAuthenticateCarriesTheCorsHeaders() throws Exception {
		HttpResponse<String> response = this.client.get("/private", "Origin", ORIGIN, "Accept", "application/json");
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
		assertAllowed(response);
	}

	@Test
	void aPreflightIsAnsweredByCors() throws Exception {
		for (String path : List.of("/public/items", "/private", "/public/nowhere")) {
			HttpResponse<String> response = preflight(path, ORIGIN);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).isEmpty();
			assertAllowed(response);
			assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).as(path)
				.hasValueSatisfying((methods) -> assertThat(methods).contains("POST"));
		}
	}

	@Test
	void aPreflightFromAnotherOriginIsRejectedByCors() throws Exception {
		HttpResponse<String> response = preflight("/public/items", "https://evil.example");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	private HttpResponse<String> preflight(String path, String origin) throws Exception {
		return this.client.send(this.client.request(path)
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
	}

	private static void assertAllowed(HttpResponse<String> response) {
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
		assertThat(response.headers().allValues("Vary")).anySatisfy((vary) -> assertThat(vary).contains("Origin"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http.cors(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable())
				.authorizeHttpRequests(
						(requests) -> requests.requestMatchers("/public/**").permitAll().anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

		@Bean
		CorsConfigurationSource corsConfigurationSource() {
			CorsConfiguration cors = new CorsConfiguration();
			cors.addAllowedOrigin(ORIGIN);
			cors.setAllowedMethods(List.of("GET", "POST"));
			cors.addAllowedHeader("Content-Type");
			UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
			source.registerCorsConfiguration("/**", cors);
			return source;
		}

		@Bean
		UserDetailsService userDetailsService() {
			return TestUsers.alice();
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/public/items/{id}")
		String item(@PathVariable String id) {
			throw AugnoException.of("resource_not_found");
		}

		@PostMapping("/public/items")
		String create(@Valid @RequestBody Item item) {
			return item.name();
		}

		@GetMapping("/private")
		String secret() {
			return "secret";
		}

	}

	record Item(@NotBlank String name) {
	}

}
