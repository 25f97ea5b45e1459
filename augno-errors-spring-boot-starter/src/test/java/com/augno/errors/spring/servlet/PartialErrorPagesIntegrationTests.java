package com.augno.errors.spring.servlet;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Thymeleaf application with a page for 404 alone: a browser meeting another error gets
 * Boot's whitelabel page, as without the starter, never raw JSON; an API client still
 * gets the envelope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.thymeleaf.prefix=classpath:/partial-pages/templates/" })
class PartialErrorPagesIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aBrowserGetsTheApplicationsPageForItsStatus() throws Exception {
		HttpResponse<String> response = this.http.get("/nowhere", "Accept", BrowserErrorPagesIntegrationTests.BROWSER);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("partial-pages error/404", "resource_not_found");
	}

	@Test
	void aBrowserGetsTheWhitelabelPageForAStatusWithoutOne() throws Exception {
		HttpResponse<String> response = this.http.get("/crash", "Accept", BrowserErrorPagesIntegrationTests.BROWSER);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("Whitelabel Error Page").doesNotContain("the ledger is gone");
		assertThat(response.headers().firstValue("Request-Id")).isPresent();
	}

	@Test
	void anApiClientGetsTheEnvelope() throws Exception {
		AugnoErrors.assertThat(this.http.get("/crash", "Accept", "application/json")).isAugnoError("internal_error");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(CrashingController.class)
	static class App {

	}

	@RestController
	static class CrashingController {

		@GetMapping("/crash")
		String crash() {
			throw new IllegalStateException("the ledger is gone");
		}

	}

}
