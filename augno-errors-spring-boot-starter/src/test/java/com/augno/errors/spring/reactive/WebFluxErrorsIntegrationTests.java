package com.augno.errors.spring.reactive;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.augno.errors.AugnoException;
import com.augno.errors.spring.test.HostileRequests;
import com.augno.errors.spring.test.HostileRequests.Reply;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The failures only the reactive stack has, over Reactor Netty: the codec's body limit, a
 * {@code WebFilter} that throws, a disconnect, a crash logged once with the request id,
 * and a stream that fails after the response was committed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive", "spring.http.codecs.max-in-memory-size=1KB",
		"logging.level.com.augno.errors=DEBUG",
		"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ExtendWith(OutputCaptureExtension.class)
class WebFluxErrorsIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void aBodyOverTheCodecLimitIsRequestTooLarge() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/flux/echo"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + "x".repeat(4096) + "\"}")));
		AugnoErrors.assertThat(response).isAugnoError("request_too_large").hasStatus(413);
		assertThat(response.body()).doesNotContain("xxxx");
	}

	@Test
	void aStatusNoCodeStandsForThatTheApplicationRaisesKeepsThatStatusWithTheNearestCode() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/flux/unprocessable")));
		AugnoErrors.assertThat(response)
			.isAugnoError("validation_failed")
			.hasStatus(422)
			.hasMessage("The order cannot be shipped yet.");
	}

	@Test
	void anAugnoExceptionFromAWebFilterIsAnswered() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/flux/guarded")));
		AugnoErrors.assertThat(response)
			.isAugnoError("insufficient_permissions")
			.hasStatus(403)
			.hasMessage("Not for you.")
			.hasNoParam()
			.isNotTransient()
			.hasNoQuota();
	}

	@Test
	void aCrashIsLoggedOnceWithTheRequestIdAndNotBySpring(CapturedOutput output) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/flux/crash")));
		String requestId = AugnoErrors.assertThat(response)
			.isAugnoError("internal_error")
			.hasStatus(500)
			.hasMessage("Something went wrong.")
			.hasNoParam()
			.isTransient()
			.hasNoQuota()
			.requestId();
		assertThat(response.body()).doesNotContain("secret", "IllegalStateException");
		assertThat(output.getOut().lines().filter((line) -> line.contains("500 internal_error for GET /flux/crash")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("ERROR").contains("(request_id=" + requestId + ")"));
		assertThat(output).doesNotContain("500 Server Error");
	}

	@Test
	void aDisconnectWritesNothingAndIsLoggedOnceAtDebug(CapturedOutput output) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/flux/aborted")));
		assertThat(response.body()).isEmpty();
		assertThat(output.getOut().lines().filter((line) -> line.contains("client_closed_request"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("DEBUG")
				.contains("499 client_closed_request for GET /flux/aborted"));
		assertThat(output).doesNotContain("500 Server Error");
		assertThat(output.getOut().lines().filter((line) -> line.contains("/flux/aborted")))
			.noneMatch((line) -> line.contains(" ERROR ") || line.contains(" WARN "));
	}

	@Test
	void aStreamThatFailsAfterTheResponseWasCommittedIsCutShortWithoutJson(CapturedOutput output) throws Exception {
		HttpResponse<String> response;
		try {
			response = send(HttpRequest.newBuilder(uri("/flux/stream")));
		}
		catch (java.io.IOException cutShort) {
			// The connection was closed mid-body: the outcome this test asks for.
			assertStreamFailureLoggedOnce(output);
			return;
		}
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("[\"a\"").doesNotContain("internal_error").doesNotEndWith("]");
		assertStreamFailureLoggedOnce(output);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(
			strings = { "zz\r\n{}\r\n0\r\n\r\n", "FFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n", "2\r\n{}xx\r\n0\r\n\r\n" })
	void aChunkedBodyReactorNettyCannotDecodeIsItsOwn400WithoutAServerError(String chunks, CapturedOutput output)
			throws Exception {
		Reply reply;
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("POST /flux/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
						+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks)
					.getBytes(StandardCharsets.ISO_8859_1));
			reply = HostileRequests.parse(socket.getInputStream());
		}
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).isEmpty();
		// The body's failure reaches the application after Reactor Netty's answer.
		await().atMost(Duration.ofSeconds(5))
			.until(() -> output.getOut().lines().anyMatch((line) -> line.contains("for POST /flux/echo")));
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.until(() -> !output.toString().contains("500 Server Error"));
		assertThat(output).doesNotContain("Status and headers already sent");
		assertThat(output.getOut().lines().filter((line) -> line.contains("for POST /flux/echo")))
			.allSatisfy((line) -> assertThat(line).contains(" DEBUG "));
	}

	private static void assertStreamFailureLoggedOnce(CapturedOutput output) {
		assertThat(output.getOut().lines().filter((line) -> line.contains("for GET /flux/stream"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("500 internal_error for GET /flux/stream",
					"after the response was committed with 200"));
		assertThat(output).doesNotContain("already committed (200 OK)");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(FluxController.class)
	static class App {

		@Bean
		WebFilter guard() {
			return (exchange, chain) -> exchange.getRequest().getPath().value().equals("/flux/guarded")
					? Mono.error(AugnoException.of("insufficient_permissions").message("Not for you."))
					: chain.filter(exchange);
		}

	}

	@RestController
	static class FluxController {

		@PostMapping(path = "/flux/echo", consumes = MediaType.APPLICATION_JSON_VALUE)
		Mono<Text> echo(@RequestBody Mono<Text> text) {
			return text;
		}

		@GetMapping("/flux/guarded")
		String guarded() {
			return "in";
		}

		@GetMapping("/flux/unprocessable")
		Mono<String> unprocessable() {
			return Mono.error(
					new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "The order cannot be shipped yet."));
		}

		@GetMapping("/flux/crash")
		Mono<String> crash() {
			return Mono.just("x").map((x) -> {
				throw new IllegalStateException("secret 42");
			});
		}

		@GetMapping("/flux/aborted")
		Mono<String> aborted() {
			return Mono.error(new AbortedException("Connection has been closed BEFORE send operation"));
		}

		@GetMapping(path = "/flux/stream", produces = MediaType.APPLICATION_JSON_VALUE)
		Flux<String> stream() {
			return Flux.concat(Flux.just("a", "b"), Flux.<String>error(new IllegalStateException("secret stream")))
				.delayElements(Duration.ofMillis(20));
		}

	}

	record Text(String text) {
	}

}
