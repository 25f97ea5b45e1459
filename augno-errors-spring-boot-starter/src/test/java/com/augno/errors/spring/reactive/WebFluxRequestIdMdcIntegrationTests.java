package com.augno.errors.spring.reactive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request id is in the MDC of every log line of a failing WebFlux request, over
 * Reactor Netty: a {@code WebFilter}'s, the controller's on another scheduler's thread,
 * and the starter's own error line, each with the id in its MDC. The starter's line
 * carries it in any case; the application's lines need Reactor's automatic context
 * propagation, which {@code spring.reactor.context-propagation=auto} turns on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive", "spring.reactor.context-propagation=auto",
		"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ExtendWith(OutputCaptureExtension.class)
class WebFluxRequestIdMdcIntegrationTests {

	private static final Log logger = LogFactory.getLog(WebFluxRequestIdMdcIntegrationTests.class);

	@LocalServerPort
	private int port;

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	@BeforeEach
	void captureEvents() {
		this.events.start();
		root().addAppender(this.events);
	}

	@AfterEach
	void stopCapturing() {
		root().detachAppender(this.events);
	}

	@AfterAll
	static void restoreReactorHooks() {
		// spring.reactor.context-propagation=auto set a JVM-wide hook.
		Hooks.disableAutomaticContextPropagation();
	}

	@Test
	void everyLineOfAFailingRequestCarriesItsRequestId(CapturedOutput output) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/mdc/crash")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(500);
		String requestId = response.headers().firstValue("Request-Id").orElseThrow();
		assertThat(this.events.list.stream()
			.filter((event) -> event.getFormattedMessage().contains("mdc-probe")
					|| event.getFormattedMessage().contains("/mdc/crash")))
			.hasSize(3)
			.allSatisfy((event) -> assertThat(event.getMDCPropertyMap()).containsEntry("request_id", requestId))
			.anySatisfy((event) -> assertThat(event.getFormattedMessage()).isEqualTo("mdc-probe filter"))
			.anySatisfy((event) -> assertThat(event.getFormattedMessage()).isEqualTo("mdc-probe controller"))
			.anySatisfy((event) -> assertThat(event.getFormattedMessage())
				.startsWith("500 internal_error for GET /mdc/crash"));
		assertThat(output).contains("500 internal_error for GET /mdc/crash");
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(MdcController.class)
	static class App {

		@Bean
		WebFilter probe() {
			return (exchange, chain) -> Mono.fromRunnable(() -> logger.info("mdc-probe filter"))
				.then(chain.filter(exchange));
		}

	}

	@RestController
	static class MdcController {

		@GetMapping("/mdc/crash")
		Mono<String> crash() {
			return Mono.fromCallable(() -> {
				logger.info("mdc-probe controller");
				throw new IllegalStateException("boom");
			}).subscribeOn(Schedulers.boundedElastic()).map(Object::toString);
		}

	}

}
