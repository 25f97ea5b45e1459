package com.augno.errors.spring.reactive;

import com.augno.errors.AugnoException;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The starter in a {@code @WebFluxTest} slice, as in a {@code @WebMvcTest} one: the
 * envelope answers there as in the running service, and a controller's own exception
 * handler keeps priority.
 */
// Spring Security's reactive configuration, which the slice would bring from the test
// class
// path, is not what this test is about (see com.augno.errors.spring.security).
@WebFluxTest(excludeAutoConfiguration = { ReactiveWebSecurityAutoConfiguration.class,
		ReactiveUserDetailsServiceAutoConfiguration.class })
class WebFluxSliceTests {

	@Autowired
	private WebTestClient client;

	@Test
	void answersAnAugnoExceptionWithTheEnvelope() {
		AugnoErrors.assertThat(this.client.get().uri("/v1/items/7").exchange())
			.isAugnoError("resource_not_found")
			.hasMessage("No item with that ID.")
			.hasNoParam();
	}

	@Test
	void answersAnUnknownUrlWithTheEnvelope() {
		AugnoErrors.assertThat(this.client.get().uri("/v1/nowhere").exchange()).isAugnoError("resource_not_found");
	}

	@Test
	void aControllersOwnExceptionHandlerKeepsPriority() {
		this.client.get()
			.uri("/v1/items/local")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody(String.class)
			.isEqualTo("handled locally");
	}

	@SpringBootConfiguration
	@Import(ItemController.class)
	static class SliceApplication {

	}

	@RestController
	static class ItemController {

		@GetMapping("/v1/items/{id}")
		String item(@PathVariable String id) {
			if (id.equals("local")) {
				throw new LocalException();
			}
			throw AugnoException.of("resource_not_found").message("No item with that ID.");
		}

		@ExceptionHandler(LocalException.class)
		@ResponseStatus(HttpStatus.CONFLICT)
		String local() {
			return "handled locally";
		}

	}

	static class LocalException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

}
