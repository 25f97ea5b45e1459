package com.augno.errors.spring.reactive;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's own {@code WebExceptionHandler} at Spring Boot's order (-1), over
 * Reactor Netty: it answers the failures it knows before the starter's handler, as it
 * answers them before Spring Boot's without the starter, and leaves the rest to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive",
		"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
class ReactiveApplicationExceptionHandlerIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void theApplicationsHandlerAnswersTheFailuresItKnows() throws Exception {
		HttpResponse<String> response = this.http.get("/teapot", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(418);
		assertThat(response.body()).isEqualTo("{\"teapot\":true}");
	}

	@Test
	void theStarterAnswersTheRest() throws Exception {
		AugnoErrors.assertThat(this.http.get("/missing", "Accept", "application/json"))
			.isAugnoError("resource_not_found");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		@Order(-1)
		WebExceptionHandler teapotHandler() {
			return (exchange, ex) -> {
				if (!(ex instanceof TeapotException)) {
					return Mono.error(ex);
				}
				exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(418));
				exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
				DataBuffer body = exchange.getResponse()
					.bufferFactory()
					.wrap("{\"teapot\":true}".getBytes(StandardCharsets.UTF_8));
				return exchange.getResponse().writeWith(Mono.just(body));
			};
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/teapot")
		String teapot() {
			throw new TeapotException();
		}

	}

	static class TeapotException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

}
