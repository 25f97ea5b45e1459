package com.augno.errors.spring.reactive;

import java.io.IOException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.augno.errors.spring.test.HostileRequests;
import com.augno.errors.spring.test.HostileRequests.Attack;
import com.augno.errors.spring.test.HostileRequests.CreateUser;
import com.augno.errors.spring.test.HostileRequests.Reply;
import jakarta.validation.Valid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded hostile requests of {@link HostileRequests}, written byte for byte to a real
 * Reactor Netty serving the WebFlux twin of the servlet generator's application. Every
 * answer must come in time with no 5xx but 501 and 505, and every error the application
 * answers must be the envelope of a client error, not transient, with nothing internal in
 * it, echoes bounded and no header the request injected. The requests Reactor Netty
 * rejects itself before the application sees them (a malformed request line, headers or a
 * request line over its limits) get its own bodiless 400, 413, 414 or 431 without a
 * {@code Request-Id}: no envelope is possible there, but the answer must still come in
 * time, and the log must hold neither a stack trace nor an ERROR line.
 * <p>
 * {@value HostileRequests#REQUESTS_PROPERTY} sets the number of requests (the
 * {@code reliability} Maven profile raises it); a failure prints the seed, which
 * {@value HostileRequests#SEED_PROPERTY} replays.
 */
@SpringBootTest(classes = ReactiveHostileInputGeneratorIntegrationTests.ReactiveHostileApp.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.main.web-application-type=reactive",
				"spring.jackson.deserialization.fail-on-unknown-properties=true",
				// The WARN lines the hostile requests provoke by design: Reactor Netty's
				// "Decoding failed", and Spring's refusal of a static resource path.
				"logging.level.reactor.netty.http.server.HttpServerOperations=ERROR",
				"logging.level.org.springframework.web.reactive.resource.ResourceHandlerUtils=ERROR",
				"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ExtendWith(OutputCaptureExtension.class)
class ReactiveHostileInputGeneratorIntegrationTests {

	private static final int DEFAULT_REQUESTS = 170;

	private static final int TIMEOUT_MILLIS = 15_000;

	/**
	 * Spring's default {@code spring.http.codecs.max-in-memory-size}.
	 */
	private static final int CODEC_LIMIT = 256 * 1024;

	private static final Set<Integer> SERVER_REJECTIONS = Set.of(400, 413, 414, 431);

	@LocalServerPort
	private int port;

	@Test
	void answersEveryHostileRequestWithAClientErrorInTime(CapturedOutput output) {
		long seed = Long.getLong(HostileRequests.SEED_PROPERTY, System.nanoTime());
		int requests = Integer.getInteger(HostileRequests.REQUESTS_PROPERTY, DEFAULT_REQUESTS);
		Random random = new Random(seed);
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			Attack attack = HostileRequests.generate(i, random);
			try {
				Reply reply = HostileRequests.send(this.port, attack, TIMEOUT_MILLIS);
				if (!isReactorNettysOwnRejection(reply)) {
					HostileRequests.assertClientErrorAnswer(attack, reply, "netty", "reactor", "springframework");
				}
			}
			catch (SocketException ex) {
				if (!isResetAfterUnreadBody(attack, ex)) {
					failures.add("#" + i + " " + attack + ": " + ex.getMessage());
				}
			}
			catch (AssertionError | IOException | RuntimeException ex) {
				failures.add("#" + i + " " + attack + ": " + ex.getMessage());
			}
		}
		assertThat(failures)
			.as("failures of %d hostile requests; replay with -D%s=%d -D%s=%d", requests, HostileRequests.SEED_PROPERTY,
					seed, HostileRequests.REQUESTS_PROPERTY, requests)
			.isEmpty();
		assertThat(output.getAll().lines().filter((line) -> line.matches(".*\\bERROR\\b.*")))
			.as("ERROR lines in the log (seed %d)", seed)
			.isEmpty();
		assertThat(output.getAll().lines().filter((line) -> line.matches("^\\s+at [\\w$.]+\\(.*")))
			.as("stack trace lines in the log (seed %d)", seed)
			.isEmpty();
	}

	/**
	 * Whether Reactor Netty answered itself, before any {@code WebFilter}: the starter's
	 * answers always carry a {@code Request-Id}, Reactor Netty's own carry no body.
	 * @param reply the answer
	 * @return whether it is Reactor Netty's own rejection
	 */
	private static boolean isReactorNettysOwnRejection(Reply reply) {
		return SERVER_REJECTIONS.contains(reply.status()) && reply.header("Request-Id") == null
				&& reply.body().length == 0;
	}

	/**
	 * Whether the connection was reset after a body over the codec's limit: the starter
	 * answers {@code request_too_large} (413) once the codec has read the limit, and
	 * Reactor Netty then closes the connection without reading the rest of the body, so
	 * that the kernel resets it and the client may lose the answer. It does the same
	 * without the starter (Spring Boot's handler answers the same 413); Tomcat reads and
	 * discards up to 2 MB of such a body instead.
	 * @param attack the request
	 * @param ex what reading its answer threw
	 * @return whether it is that reset
	 */
	private static boolean isResetAfterUnreadBody(Attack attack, SocketException ex) {
		return attack.bytes().length > CODEC_LIMIT && String.valueOf(ex.getMessage()).contains("Connection reset");
	}

	/**
	 * The WebFlux twin of the servlet generator's application: a JSON API with a
	 * validated body, a query parameter and a path variable.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ReactiveHostileController.class)
	static class ReactiveHostileApp {

	}

	/**
	 * The users and items endpoints.
	 */
	@RestController
	static class ReactiveHostileController {

		@PostMapping("/v1/users")
		Map<String, Object> createUser(@Valid @RequestBody CreateUser user) {
			return Map.of("name", user.name());
		}

		@GetMapping("/v1/items")
		Map<String, Object> listItems(@RequestParam int limit) {
			return Map.of("limit", limit);
		}

		@GetMapping("/v1/items/{id}")
		Map<String, Object> getItem(@PathVariable long id) {
			return Map.of("id", id);
		}

	}

}
