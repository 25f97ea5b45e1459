package com.augno.errors.spring.mapping;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own messages of a 4xx, resolved as Spring resolves them, in the
 * language the application's {@code LocaleResolver} chooses: an
 * {@code ErrorResponseException}'s detail message code with its arguments, a
 * {@code ResponseStatusException}'s reason and a {@code @ResponseStatus} reason that are
 * message codes; a reason that is no code stays as written. Spring MVC's own missing or
 * mistyped parameter uses the documented constraint keys.
 */
@SpringBootTest(properties = "spring.messages.basename=app-messages/messages")
@AutoConfigureMockMvc
class ApplicationMessagesIntegrationTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void anErrorResponseExceptionsDetailMessageCodeIsResolvedWithItsArguments() {
		assertMessage(this.mvc.get().uri("/books/9").header("Accept-Language", "en"), "Book 9 was not found.");
		assertMessage(this.mvc.get().uri("/books/9").header("Accept-Language", "de"), "Buch 9 wurde nicht gefunden.");
		assertMessage(this.mvc.get().uri("/books/9"), "Book 9 was not found.");
	}

	@Test
	void aReasonThatIsAMessageCodeIsResolvedNeverShownAsTheKey() {
		assertMessage(this.mvc.delete().uri("/books/1"), "The book is locked and cannot be deleted.");
		assertMessage(this.mvc.delete().uri("/books/1").header("Accept-Language", "de"),
				"Das Buch ist gesperrt und kann nicht gelöscht werden.");
		assertMessage(this.mvc.get().uri("/books/gone").header("Accept-Language", "de"), "Das Buch ist weg.");
		assertMessage(this.mvc.get().uri("/books/gone"), "The book is gone.");
	}

	@Test
	void aReasonThatIsNoCodeStaysAsWritten() {
		assertMessage(this.mvc.get().uri("/books/plain").header("Accept-Language", "de"), "Plain words.");
	}

	@Test
	void aMissingOrMistypedParameterUsesTheDocumentedConstraintKeys() {
		assertMessage(this.mvc.get().uri("/books").header("Accept-Language", "de"), "Limit ist erforderlich.");
		assertMessage(this.mvc.get().uri("/books?limit=ten").header("Accept-Language", "de"),
				"Limit hat einen ungültigen Wert.");
		assertMessage(this.mvc.get().uri("/books"), "Limit is required.");
		assertMessage(this.mvc.get().uri("/books?limit=ten"), "Limit must be an integer.");
	}

	@Test
	void theLanguageIsTheOneTheApplicationsLocaleResolverChooses() {
		// Japanese first, which the application does not support: its resolver picks
		// German.
		assertMessage(this.mvc.get().uri("/books/9").header("Accept-Language", "ja,de;q=0.9"),
				"Buch 9 wurde nicht gefunden.");
	}

	private void assertMessage(MockMvcTester.MockMvcRequestBuilder request, String message) {
		assertThat(request).bodyJson().extractingPath("$.error.message").isEqualTo(message);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Books.class)
	static class App {

		@Bean
		LocaleResolver localeResolver() {
			AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
			resolver.setSupportedLocales(List.of(Locale.ENGLISH, Locale.GERMAN));
			resolver.setDefaultLocale(Locale.ENGLISH);
			return resolver;
		}

	}

	@RestController
	static class Books {

		@GetMapping("/books/{id:\\d+}")
		String book(@PathVariable String id) {
			throw new BookNotFoundException(id);
		}

		@DeleteMapping("/books/{id}")
		void delete(@PathVariable String id) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "error.book.locked");
		}

		@GetMapping("/books")
		String books(@RequestParam int limit) {
			return "books " + limit;
		}

		@GetMapping("/books/gone")
		String gone() {
			throw new BookGoneException();
		}

		@GetMapping("/books/plain")
		String plain() {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "Plain words.");
		}

	}

	static class BookNotFoundException extends ErrorResponseException {

		private static final long serialVersionUID = 1L;

		BookNotFoundException(String id) {
			super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, null, new Object[] { id });
		}

	}

	@ResponseStatus(code = HttpStatus.GONE, reason = "error.book.gone")
	static class BookGoneException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

}
