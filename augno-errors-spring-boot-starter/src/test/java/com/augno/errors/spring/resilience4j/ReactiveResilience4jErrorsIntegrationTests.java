package com.augno.errors.spring.resilience4j;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An open circuit's {@link CallNotPermittedException}, raised inside a reactive handler's
 * {@code Mono}, gets the same envelope on WebFlux as on Spring MVC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive",
		"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
class ReactiveResilience4jErrorsIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void openCircuitFromAMonoIsServiceUnavailable() throws Exception {
		HttpResponse<String> response = this.http.get("/reactive/circuit");
		AugnoErrors.assertThat(response)
			.isAugnoError("service_unavailable")
			.hasMessage("The service is temporarily unavailable. Please try again later.");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(CircuitController.class)
	static class TestApplication {

	}

	@RestController
	static class CircuitController {

		@GetMapping("/reactive/circuit")
		Mono<String> circuit() {
			CircuitBreaker circuitBreaker = CircuitBreaker.ofDefaults("ledger");
			circuitBreaker.transitionToForcedOpenState();
			return Mono.fromSupplier(() -> circuitBreaker.executeSupplier(() -> "never"));
		}

	}

}
