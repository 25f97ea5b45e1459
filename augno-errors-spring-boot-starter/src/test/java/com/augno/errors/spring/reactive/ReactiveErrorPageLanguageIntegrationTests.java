package com.augno.errors.spring.reactive;

import java.net.http.HttpResponse;
import java.util.Locale;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.i18n.FixedLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux application that renders its pages in German whatever the request asks for (a
 * {@link FixedLocaleContextResolver}), with Boot's {@code include-message}: a page's
 * message is in the page's language even for a browser without {@code Accept-Language};
 * an API client without it still gets English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive", "spring.web.error.include-message=always",
		"spring.thymeleaf.prefix=classpath:/reactive-i18n/templates/",
		"spring.messages.basename=i18n/augno-errors-test", "spring.messages.fallback-to-system-locale=false",
		"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ExtendWith(OutputCaptureExtension.class)
class ReactiveErrorPageLanguageIntegrationTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aPageInGermanHasItsMessageInGermanForABrowserWithoutAcceptLanguage() throws Exception {
		HttpResponse<String> response = this.http.get("/gone", "Accept", BROWSER);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("<p id=\"page\">error/404</p>",
				"<p id=\"message\">Die angeforderte Ressource wurde nicht gefunden.</p>");
	}

	@Test
	void anApiClientWithoutAcceptLanguageGetsEnglish() throws Exception {
		AugnoErrors.assertThat(this.http.get("/gone", "Accept", "application/json"))
			.isAugnoError("resource_not_found")
			.hasMessage("The requested resource was not found.");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(GoneController.class)
	static class App {

		@Bean
		LocaleContextResolver localeContextResolver() {
			return new FixedLocaleContextResolver(Locale.GERMAN);
		}

	}

	@RestController
	static class GoneController {

		@GetMapping("/gone")
		String gone() {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}

	}

}
