package com.augno.errors.spring.servlet;

import java.net.http.HttpResponse;
import java.util.Map;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A single-page application that answers its deep links with its index page through an
 * {@link ErrorViewResolver}, Spring Boot's documented hook: a browser's refresh on a
 * client-side route gets the index page with the status the resolver chose, as without
 * the starter, even though the page is rendered in the request's own dispatch, where the
 * relative {@code index.html} would name a file under the route; an API client still gets
 * the envelope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.web.resources.static-locations=classpath:/spa-app/static/",
				"spring.thymeleaf.excluded-view-names=index.html" })
class SinglePageApplicationIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aDeepLinkFromABrowserGetsTheIndexPageWithTheResolversStatus() throws Exception {
		HttpResponse<String> response = this.http.get("/dashboard/42", "Accept",
				BrowserErrorPagesIntegrationTests.BROWSER);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("SPA index");
	}

	@Test
	void aTopLevelRouteFromABrowserGetsTheIndexPageWithTheResolversStatus() throws Exception {
		HttpResponse<String> response = this.http.get("/login", "Accept", BrowserErrorPagesIntegrationTests.BROWSER);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("SPA index");
	}

	@Test
	void anApiClientGetsTheEnvelope() throws Exception {
		AugnoErrors.assertThat(this.http.get("/api/nowhere", "Accept", "application/json"))
			.isAugnoError("resource_not_found");
	}

	@Test
	void theApisOwnFailureGetsTheEnvelopeForAnApiClient() throws Exception {
		AugnoErrors.assertThat(this.http.get("/api/crash", "Accept", "application/json"))
			.isAugnoError("internal_error");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Api.class)
	static class App {

		@Bean
		ErrorViewResolver spaFallback() {
			return (request, status, model) -> (status == HttpStatus.NOT_FOUND)
					? new ModelAndView("index.html", Map.of(), HttpStatus.OK) : null;
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
