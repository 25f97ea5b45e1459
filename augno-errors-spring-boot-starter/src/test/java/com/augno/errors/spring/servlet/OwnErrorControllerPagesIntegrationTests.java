package com.augno.errors.spring.servlet;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with an {@link ErrorController} of its own, here a single-page
 * application's, which answers a deep link's 404 with its index page: a browser's failure
 * reaches that controller through the error dispatch, as without the starter; an API
 * client still gets the envelope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.web.resources.static-locations=classpath:/spa-app/static/" })
class OwnErrorControllerPagesIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aDeepLinkFromABrowserGetsTheIndexPageTheApplicationsControllerForwardsTo() throws Exception {
		HttpResponse<String> response = this.http.get("/dashboard/42", "Accept",
				BrowserErrorPagesIntegrationTests.BROWSER);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("SPA index");
	}

	@Test
	void aCrashFromABrowserGetsTheApplicationsErrorPageWithItsStatus() throws Exception {
		HttpResponse<String> response = this.http.get("/api/crash", "Accept",
				BrowserErrorPagesIntegrationTests.BROWSER);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("APP error page").doesNotContain("the ledger is gone");
		assertThat(response.headers().firstValue("Request-Id")).isPresent();
	}

	@Test
	void anApiClientGetsTheEnvelope() throws Exception {
		AugnoErrors.assertThat(this.http.get("/dashboard/42", "Accept", "application/json"))
			.isAugnoError("resource_not_found");
		AugnoErrors.assertThat(this.http.get("/api/crash", "Accept", "application/json"))
			.isAugnoError("internal_error");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Api.class, SpaErrorController.class })
	static class App {

	}

	@Controller
	static class SpaErrorController implements ErrorController {

		@RequestMapping("/error")
		String error(HttpServletRequest request, HttpServletResponse response) {
			if (Integer.valueOf(404).equals(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE))) {
				response.setStatus(200);
				return "forward:/index.html";
			}
			return "forward:/app-error.html";
		}

	}

	@RestController
	static class Api {

		@GetMapping("/api/crash")
		String crash() {
			throw new IllegalStateException("the ledger is gone");
		}

	}

}
