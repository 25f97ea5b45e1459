package com.augno.errors.spring.reactive;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code augno.errors.paths} and browser error pages over Reactor Netty, as on Spring
 * MVC: the envelope only under the configured paths, Spring Boot's own handling outside
 * them, and the application's page for a browser when it has one for the status.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive", "augno.errors.paths=/api/**",
		"spring.web.resources.static-locations=classpath:/reactive-pages/",
		"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ExtendWith(OutputCaptureExtension.class)
class ReactiveErrorPathsIntegrationTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aFailureUnderTheConfiguredPathsIsEnveloped() throws Exception {
		AugnoErrors.assertThat(this.http.get("/api/missing")).isAugnoError("resource_not_found").hasStatus(404);
	}

	@Test
	void aFailureOutsideTheConfiguredPathsGetsBootsOwnAnswer() throws Exception {
		HttpResponse<String> response = this.http.get("/other/missing", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("\"path\":\"/other/missing\"", "\"status\":404")
			.doesNotContain("resource_not_found");
	}

	@Test
	void aCrashOutsideTheConfiguredPathsIsLoggedByBootOnly(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.get("/other/crash", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("\"status\":500").doesNotContain("internal_error", "secret");
		assertThat(output).contains("500 Server Error for HTTP GET \"/other/crash\"")
			.doesNotContain("internal_error for GET /other/crash");
	}

	@Test
	void aBrowserGetsTheApplicationsPageForTheStatus() throws Exception {
		HttpResponse<String> response = this.http.get("/api/missing", "Accept", BROWSER);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("Reactive 404 page");
	}

	/**
	 * The application has a page for 404 alone: a browser meeting a crash gets Boot's
	 * whitelabel page, as without the starter, never raw JSON, logged once by the
	 * starter.
	 */
	@Test
	void aBrowserGetsTheWhitelabelPageWhenTheApplicationHasNoPageForTheStatus(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.get("/api/crash", "Accept", BROWSER);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("Whitelabel Error Page").doesNotContain("secret");
		assertThat(output.getOut().lines().filter((line) -> line.contains("500 internal_error for GET /api/crash")))
			.hasSize(1);
		assertThat(output).doesNotContain("500 Server Error for HTTP GET \"/api/crash\"");
	}

	@Test
	void aScriptAskingForHtmlGetsTheEnvelope() throws Exception {
		HttpResponse<String> response = this.http.get("/api/missing", "Accept", BROWSER, "X-Requested-With",
				"XMLHttpRequest");
		AugnoErrors.assertThat(response).isAugnoError("resource_not_found");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(CrashController.class)
	static class App {

	}

	@RestController
	static class CrashController {

		@GetMapping({ "/api/crash", "/other/crash" })
		Mono<String> crash() {
			return Mono.error(new IllegalStateException("secret 42"));
		}

	}

}
