package com.augno.errors.spring.reactive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
 * and the starter's own error line, each printed with {@code %X{request_id}}. The
 * starter's line carries it in any case; the application's lines need Reactor's automatic
 * context propagation, which {@code spring.reactor.context-propagation=auto} turns on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive", "logging.pattern.console=%5p [rid=%X{request_id}] %c{1} - %m%n",
		"spring.reactor.context-propagation=auto",
		"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ExtendWith(OutputCaptureExtension.class)
class WebFluxRequestIdMdcIntegrationTests {

	private static final java.util.regex.Pattern LOG_LINE = java.util.regex.Pattern.compile("\\s*[A-Z]+ \\[rid=");

	private static final Log logger = LogFactory.getLog(WebFluxRequestIdMdcIntegrationTests.class);

	@LocalServerPort
	private int port;

	@Test
	void everyLineOfAFailingRequestCarriesItsRequestId(CapturedOutput output) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/mdc/crash")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(500);
		String requestId = response.headers().firstValue("Request-Id").orElseThrow();
		assertThat(output.getOut()
			.lines()
			.filter((line) -> LOG_LINE.matcher(line).lookingAt())
			.filter((line) -> line.contains("mdc-probe") || line.contains("/mdc/crash"))).hasSize(3)
			.allSatisfy((line) -> assertThat(line).contains("[rid=" + requestId + "]"))
			.anySatisfy((line) -> assertThat(line).contains("mdc-probe filter"))
			.anySatisfy((line) -> assertThat(line).contains("mdc-probe controller"))
			.anySatisfy(
					(line) -> assertThat(line).startsWith("ERROR").contains("500 internal_error for GET /mdc/crash"));
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
