package com.augno.errors.spring.seeds;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 002, Aura's error contract, served through a format class and a catalogue file
 * alone: every example of its error reference comes back over HTTP as documented, with
 * the framework's own failures (authentication, validation, unknown routes, crashes)
 * answered with the catalogue's codes. gh-13
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"augno.errors.catalogue.location=classpath:com/augno/errors/spring/seeds/aura-errors.yaml",
		"augno.errors.format=aura", "augno.errors.security.www-authenticate=" })
@ExtendWith(OutputCaptureExtension.class)
class AuraSeedIntegrationTests {

	private static final String KEY = "aura_test_key";

	@LocalServerPort
	private int port;

	@Test
	void aRequestWithoutApiKeyIsNotAuthenticated() throws Exception {
		HttpResponse<String> response = send(request("/projects/p_1").GET());
		assertThat(response.statusCode()).isEqualTo(401);
		Documented.assertBody(response, """
				{ "error": "Not authenticated", "error_code": null, "detail": "Not authenticated"}""");
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	@Test
	void aMissingFieldIsASchemaValidationErrorWithEveryViolation() throws Exception {
		HttpResponse<String> response = send(request("/projects").header("X-API-KEY", KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(response.statusCode()).isEqualTo(422);
		Documented.assertBody(response,
				"""
						{ "error": "Validation error", "detail": [ { "loc": ["body", "name"], "msg": "field required", "type": "value_error.missing" } ]}""");
	}

	@Test
	void aMissingQueryParameterIsASchemaValidationErrorToo() throws Exception {
		HttpResponse<String> response = send(request("/projects").header("X-API-KEY", KEY).GET());
		assertThat(response.statusCode()).isEqualTo(422);
		Documented.assertBody(response,
				"""
						{ "error": "Validation error", "detail": [ { "loc": ["query", "limit"], "msg": "field required", "type": "value_error.missing" } ]}""");
	}

	@Test
	void anUnknownResourceIsNotFound() throws Exception {
		HttpResponse<String> response = send(request("/projects/p_nope").header("X-API-KEY", KEY).GET());
		assertThat(response.statusCode()).isEqualTo(404);
		Documented.assertBody(response, """
				{ "error": "Not found", "error_code": null, "detail": "Not found"}""");
	}

	@Test
	void anUnknownRouteIsNotFoundToo() throws Exception {
		HttpResponse<String> response = send(request("/nope").header("X-API-KEY", KEY).GET());
		assertThat(response.statusCode()).isEqualTo(404);
		Documented.assertBody(response, """
				{ "error": "Not found", "error_code": null, "detail": "Not found"}""");
	}

	@Test
	void aRateLimitedRequestIsToldWhenToRetry() throws Exception {
		HttpResponse<String> response = send(request("/usage").header("X-API-KEY", KEY).GET());
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
		Documented.assertBody(response, """
				{ "error": "Rate limit exceeded", "error_code": null, "detail": "Rate limit exceeded"}""");
	}

	@Test
	void anErrorOfAurasOwnHasItsMachineReadableCode() throws Exception {
		HttpResponse<String> response = send(request("/projects/p_1").header("X-API-KEY", KEY).DELETE());
		assertThat(response.statusCode()).isEqualTo(409);
		Documented.assertBody(response,
				"""
						{ "error": "The project is archived.", "error_code": "project_archived", "detail": "The project is archived."}""");
	}

	@Test
	void aWrongMethodKeepsItsAllowHeader() throws Exception {
		HttpResponse<String> response = send(request("/usage").header("X-API-KEY", KEY).DELETE());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("GET");
		Documented.assertBody(response, """
				{ "error": "Method Not Allowed", "error_code": null, "detail": "Method Not Allowed"}""");
	}

	@Test
	void aCrashIsAnInternalServerErrorThatShowsNothingOfTheException(CapturedOutput output) throws Exception {
		HttpResponse<String> response = send(request("/crash").header("X-API-KEY", KEY).GET());
		assertThat(response.statusCode()).isEqualTo(500);
		Documented.assertBody(response, """
				{ "error": "Internal Server Error", "error_code": null, "detail": "Internal Server Error"}""");
		assertThat(output).contains("500 internal_error for GET /crash").contains("Simulated failure");
	}

	@Test
	void augnosCodesAreNotAurasCodes() throws Exception {
		HttpResponse<String> response = send(request("/projects/p_1/augno").header("X-API-KEY", KEY).GET());
		assertThat(response.statusCode()).isEqualTo(500);
		Documented.assertBody(response, """
				{ "error": "Internal Server Error", "error_code": null, "detail": "Internal Server Error"}""");
	}

	private HttpRequest.Builder request(String path) {
		return new SeedClient(this.port).request(path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return new SeedClient(this.port).send(request);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ProjectController.class)
	static class AuraApplication {

		@Bean
		AuraErrorFormat auraErrorFormat(ErrorRegistry registry) {
			return new AuraErrorFormat(registry);
		}

		@Bean
		SecurityFilterChain apiKeySecurity(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.addFilterBefore(new ApiKeyFilter(), AnonymousAuthenticationFilter.class)
				.csrf((csrf) -> csrf.disable())
				.build();
		}

	}

	/**
	 * Authenticates a request that carries Aura's API key in {@code X-API-KEY}.
	 */
	static class ApiKeyFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (KEY.equals(request.getHeader("X-API-KEY"))) {
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("api-key", null, List.of()));
			}
			chain.doFilter(request, response);
		}

	}

	record ProjectCreate(@NotNull String name) {
	}

	@RestController
	static class ProjectController {

		@PostMapping("/projects")
		String create(@Valid @RequestBody ProjectCreate project) {
			return project.name();
		}

		@GetMapping("/projects")
		String list(@RequestParam int limit) {
			return "[]";
		}

		@GetMapping("/projects/{id}")
		String find(@PathVariable String id) {
			throw AugnoException.of("not_found");
		}

		@DeleteMapping("/projects/{id}")
		void delete(@PathVariable String id) {
			throw AugnoException.of("project_archived");
		}

		@GetMapping("/projects/{id}/augno")
		String augno(@PathVariable String id) {
			// An Augno code the catalogue does not know: a bug, answered as one.
			throw AugnoException.of("resource_gone");
		}

		@GetMapping("/usage")
		String usage() {
			throw AugnoException.of("rate_limited").retryAfter(Duration.ofSeconds(30));
		}

		@GetMapping("/crash")
		String crash() {
			throw new IllegalStateException("Simulated failure");
		}

	}

}
