package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.augno.errors.spring.test.HostileRequests;
import com.augno.errors.spring.test.HostileRequests.Attack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded generator of hostile requests ({@link HostileRequests}), written byte for byte
 * to a real Tomcat serving the application of {@link HostileInputIntegrationTests}:
 * malformed and deep JSON, huge numbers and strings, invalid UTF-8, wrong types, odd
 * content types and {@code Accept} headers, bad encodings, traversal, long URLs and
 * headers, odd methods, header injection, junk multipart and broken chunked framing.
 * Every answer must come in time, and every error must be the envelope of a client error
 * (not transient, no 5xx but the 501 and 505 HTTP prescribes), with nothing internal in
 * it, echoes bounded, no header the request injected, and no ERROR in the log.
 * <p>
 * {@value HostileRequests#REQUESTS_PROPERTY} sets the number of requests (the
 * {@code reliability} Maven profile raises it); a failure prints the seed, which
 * {@value HostileRequests#SEED_PROPERTY} replays.
 */
@SpringBootTest(classes = HostileInputIntegrationTests.HostileApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.jackson.deserialization.fail-on-unknown-properties=true" })
@ExtendWith(OutputCaptureExtension.class)
class HostileInputGeneratorIntegrationTests {

	private static final int DEFAULT_REQUESTS = 170;

	private static final int TIMEOUT_MILLIS = 15_000;

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
				HostileRequests.assertClientErrorAnswer(attack, HostileRequests.send(this.port, attack, TIMEOUT_MILLIS),
						"tomcat", "catalina");
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
	}

}
