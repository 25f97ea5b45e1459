package com.augno.errors.spring.servlet;

import java.net.http.HttpResponse;
import java.util.Locale;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Thymeleaf application of {@link BrowserErrorPagesIntegrationTests} with the
 * starter's German messages and a language chosen as petclinic chooses it (a
 * {@link SessionLocaleResolver}, English by default, switched with {@code ?lang=de}): a
 * page's message is in the page's language, whatever the {@code Accept-Language}; an API
 * client's envelope still follows {@code Accept-Language}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.thymeleaf.prefix=classpath:/browser-app/templates/",
				"spring.messages.basename=browser-app/messages,i18n/augno-errors-test",
				"spring.messages.fallback-to-system-locale=false" })
@ExtendWith(OutputCaptureExtension.class)
class BrowserErrorPageLanguageIntegrationTests {

	private static final String BROWSER = BrowserErrorPagesIntegrationTests.BROWSER;

	private static final String GERMAN = "Die angeforderte Ressource wurde nicht gefunden.";

	private static final String ENGLISH = "The requested resource was not found.";

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aPageChosenInGermanHasItsMessageInGermanForAnEnglishBrowser() throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request("/owners/gone?lang=de").header("Accept", BROWSER).header("Accept-Language", "en"));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Seite nicht gefunden", "<p id=\"message\">" + GERMAN + "</p>");
	}

	@Test
	void aPageInEnglishHasItsMessageInEnglishForAGermanBrowser() throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request("/owners/gone").header("Accept", BROWSER).header("Accept-Language", "de"));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Page not found", "<p id=\"message\">" + ENGLISH + "</p>");
	}

	@Test
	void anApiClientsEnvelopeFollowsAcceptLanguage() throws Exception {
		HttpResponse<String> english = this.http.send(this.http.request("/owners/gone?lang=de")
			.header("Accept", "application/json")
			.header("Accept-Language", "en"));
		AugnoErrors.assertThat(english).isAugnoError("resource_not_found").hasMessage(ENGLISH);
		HttpResponse<String> german = this.http.send(
				this.http.request("/owners/gone").header("Accept", "application/json").header("Accept-Language", "de"));
		AugnoErrors.assertThat(german).isAugnoError("resource_not_found").hasMessage(GERMAN);
	}

	@SpringBootApplication
	static class App implements WebMvcConfigurer {

		@Bean
		LocaleResolver localeResolver() {
			SessionLocaleResolver resolver = new SessionLocaleResolver();
			resolver.setDefaultLocale(Locale.ENGLISH);
			return resolver;
		}

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
			interceptor.setParamName("lang");
			registry.addInterceptor(interceptor);
		}

		@Controller
		static class OwnerController {

			@GetMapping("/owners/gone")
			String gone() {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}

		}

	}

}
