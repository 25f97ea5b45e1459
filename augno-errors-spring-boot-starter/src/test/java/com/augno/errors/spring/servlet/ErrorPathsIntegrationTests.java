package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code augno.errors.paths=/api/**}, over a real Tomcat: failures under {@code /api} are
 * the envelope, failures elsewhere get Spring Boot's own error handling, for exceptions
 * of handlers and filters, unknown URLs and bad parameters alike. gh-11 §2
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "augno.errors.paths=/api/**" })
@ExtendWith(OutputCaptureExtension.class)
class ErrorPathsIntegrationTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void failuresUnderTheConfiguredPathsAreTheEnvelope(CapturedOutput output) throws Exception {
		HttpResponse<String> unknown = this.http.get("/api/nope", "Accept", "application/json");
		AugnoErrors.assertThat(unknown)
			.isAugnoError("resource_not_found")
			.hasMessage("Unrecognized request URL: GET /api/nope.")
			.hasNoParam();
		HttpResponse<String> badParameter = this.http.get("/api/items/abc", "Accept", "application/json");
		AugnoErrors.assertThat(badParameter)
			.isAugnoError("parameter_invalid")
			.hasMessage("ID must be an integer.")
			.hasParam("id");
		HttpResponse<String> crash = this.http.get("/api/crash", "Accept", "*/*");
		AugnoErrors.assertThat(crash).isAugnoError("internal_error").hasMessage("Something went wrong.").hasNoParam();
		HttpResponse<String> filterCrash = this.http.get("/api/filter-crash", "Accept", "*/*");
		AugnoErrors.assertThat(filterCrash)
			.isAugnoError("internal_error")
			.hasMessage("Something went wrong.")
			.hasNoParam();
		assertThat(output).contains("500 internal_error for GET /api/crash",
				"500 internal_error for GET /api/filter-crash");
	}

	@Test
	void failuresElsewhereGetSpringBootsJson(CapturedOutput output) throws Exception {
		assertBootJson(this.http.get("/web/nope", "Accept", "application/json"), 404, "Not Found", "/web/nope");
		assertBootJson(this.http.get("/web/items/abc", "Accept", "application/json"), 400, "Bad Request",
				"/web/items/abc");
		assertBootJson(this.http.get("/web/crash", "Accept", "*/*"), 500, "Internal Server Error", "/web/crash");
		assertBootJson(this.http.get("/web/filter-crash", "Accept", "*/*"), 500, "Internal Server Error",
				"/web/filter-crash");
		assertThat(output).doesNotContain("internal_error for GET /web");
	}

	@Test
	void aBrowserElsewhereGetsSpringBootsPage() throws Exception {
		HttpResponse<String> response = this.http.get("/web/nope", "Accept", BrowserErrorPagesIntegrationTests.BROWSER);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(response.body()).contains("Whitelabel Error Page", "status=404");
	}

	private static void assertBootJson(HttpResponse<String> response, int status, String error, String path) {
		assertThat(response.statusCode()).as(path).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
		JsonNode body = MAPPER.readTree(response.body());
		List<String> keys = new ArrayList<>(body.propertyNames());
		assertThat(keys).as(response.body()).containsExactly("timestamp", "status", "error", "path");
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("error").asString()).isEqualTo(error);
		assertThat(body.get("path").asString()).isEqualTo(path);
	}

	@SpringBootApplication
	static class App {

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> crashingFilter() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {
						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							if (request.getRequestURI().endsWith("/filter-crash")) {
								throw new IllegalStateException("Simulated filter failure");
							}
							chain.doFilter(request, response);
						}
					});
			registration.addUrlPatterns("/api/*", "/web/*");
			return registration;
		}

		@RestController
		static class ItemController {

			@GetMapping({ "/api/items/{id}", "/web/items/{id}" })
			String item(@PathVariable int id) {
				return "item " + id;
			}

			@GetMapping({ "/api/crash", "/web/crash" })
			String crash() {
				throw new IllegalStateException("Simulated failure");
			}

		}

	}

}
