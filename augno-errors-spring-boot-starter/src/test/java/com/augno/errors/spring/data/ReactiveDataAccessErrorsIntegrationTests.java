package com.augno.errors.spring.data;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A data access failure raised inside a reactive handler's {@code Mono} gets the same
 * envelope on WebFlux as on Spring MVC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive",
		"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
class ReactiveDataAccessErrorsIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void staleVersionFromAMonoIsResourceConflict() throws Exception {
		HttpResponse<String> response = this.http.get("/reactive/stale");
		AugnoErrors.assertThat(response)
			.isAugnoError("resource_conflict")
			.hasMessage("The request conflicts with the current state of the resource.");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(StaleController.class)
	static class TestApplication {

	}

	@RestController
	static class StaleController {

		@GetMapping("/reactive/stale")
		Mono<String> stale() {
			return Mono.error(new OptimisticLockingFailureException("Row was updated by another transaction"));
		}

	}

}
