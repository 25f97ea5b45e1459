package com.augno.errors.spring.micrometer;

import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenarios of {@link ErrorMetricsContract} over Reactor Netty: the same meter, with
 * the same tags, as on Spring MVC; and a client that went away (Reactor Netty's
 * {@code AbortedException}) is counted as a 499 with nothing written and one DEBUG line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive", "logging.level.com.augno.errors=DEBUG",
		"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ExtendWith(OutputCaptureExtension.class)
class WebFluxErrorMetricsIntegrationTests extends ErrorMetricsContract {

	@Test
	void countsAClientThatWentAwayAs499WithNothingWrittenAndOneDebugLine(CapturedOutput output) throws Exception {
		double before = count("client_closed_request", "api_error", "499");
		assertThat(this.http.get("/metrics/aborted").body()).isEmpty();
		Counter closed = await(() -> counter("client_closed_request", "api_error", "499", before + 1));
		assertThat(closed.count()).isEqualTo(before + 1);
		assertThat(this.events.events).singleElement().satisfies((event) -> {
			assertThat(event.status()).isEqualTo(499);
			assertThat(event.route()).isEqualTo("/metrics/aborted");
		});
		assertThat(output.getOut().lines().filter((line) -> line.contains("client_closed_request"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("DEBUG")
				.contains("499 client_closed_request for GET /metrics/aborted"));
		assertThat(output.getOut().lines().filter((line) -> line.contains(" WARN ") || line.contains(" ERROR ")))
			.isEmpty();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ AbortedController.class, LockedController.class, RecordingListener.class, ObservationErrors.class })
	static class TestApplication {

	}

	@RestController
	static class AbortedController {

		@GetMapping("/metrics/aborted")
		Mono<String> aborted() {
			return Mono.error(new AbortedException("Connection has been closed BEFORE send operation"));
		}

	}

}
