package com.augno.errors.spring.servlet;

import java.net.http.HttpResponse;
import java.util.Map;

import com.augno.errors.spring.test.LoopbackHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's error page gets what the application's own {@link ErrorAttributes} bean
 * adds, and the attributes Boot's {@code spring.web.error.include-*} opt into
 * ({@code exception}, {@code trace}), as Boot's {@code BasicErrorController} gives them:
 * templates written for Boot keep rendering. The envelope of an API client gets none of
 * them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.thymeleaf.prefix=classpath:/attributes-app/templates/",
				"spring.web.error.include-exception=true", "spring.web.error.include-stacktrace=always" })
class ErrorPageAttributesIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aPageGetsTheApplicationsOwnAttribute() throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request("/nope").header("Accept", BrowserErrorPagesIntegrationTests.BROWSER));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("<p id=\"support\">help@example.com</p>", "<p id=\"status\">404</p>",
				"<p id=\"code\">resource_not_found</p>");
	}

	@Test
	void aPageGetsTheExceptionAndTraceTheApplicationOptedInto() throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request("/crash").header("Accept", BrowserErrorPagesIntegrationTests.BROWSER));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("<p id=\"support\">help@example.com</p>",
				"<p id=\"exception\">java.lang.IllegalStateException</p>", "<p id=\"trace\">true</p>",
				"<p id=\"message\">Something went wrong.</p>");
	}

	@Test
	void theEnvelopeGetsNoneOfThem() throws Exception {
		HttpResponse<String> response = this.http.get("/crash", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).doesNotContain("help@example.com", "IllegalStateException", "trace");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		ErrorAttributes errorAttributes() {
			return new DefaultErrorAttributes() {

				@Override
				public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
					Map<String, Object> attributes = super.getErrorAttributes(request, options);
					attributes.put("supportEmail", "help@example.com");
					return attributes;
				}

			};
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/crash")
		String crash() {
			throw new IllegalStateException("the ledger is locked");
		}

	}

}
