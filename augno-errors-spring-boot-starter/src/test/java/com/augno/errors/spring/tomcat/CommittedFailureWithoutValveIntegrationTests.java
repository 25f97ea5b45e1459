package com.augno.errors.spring.tomcat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container-neutral path: without the starter's Tomcat valves (as in a container the
 * starter has no adapter for), the request id filter rethrows a failure after commit, and
 * the container aborts the response. The starter logs it once; the container may log it
 * too.
 */
@SpringBootTest(classes = CommittedFailureIntegrationTests.TestApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate",
				"spring.autoconfigure.exclude=com.augno.errors.spring.autoconfigure.AugnoErrorsTomcatAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@ExtendWith(OutputCaptureExtension.class)
class CommittedFailureWithoutValveIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void abortsStreamThatFailsAfterFlush(CapturedOutput output) throws IOException {
		RawHttpResponse response = get("/stream");
		CommittedFailureIntegrationTests.assertAborted(response, "x".repeat(1024));
		assertLoggedOnce(output, "500 internal_error for GET /stream", response.header("Request-Id"));
	}

	@Test
	void abortsFilterResponseThatFailsAfterFlushBuffer(CapturedOutput output) throws IOException {
		RawHttpResponse response = get("/filter/flush");
		CommittedFailureIntegrationTests.assertAborted(response, "partial");
		assertLoggedOnce(output, "500 internal_error for GET /filter/flush", response.header("Request-Id"));
	}

	private RawHttpResponse get(String path) throws IOException {
		return RawHttpResponse.exchange(this.port,
				"GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
	}

	private static void assertLoggedOnce(CapturedOutput output, String start, String requestId) {
		assertThat(output.getAll().lines().filter((line) -> line.contains(" com.augno.errors ")))
			.as("the starter's lines in %s", output.getAll())
			.singleElement()
			.asString()
			.contains(" ERROR ", start, "(request_id=" + requestId + ")");
	}

}
