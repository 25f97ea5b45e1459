package com.augno.errors.spring.tomcat;

import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error report valve with {@code augno.errors.paths=/api/**}: a request Tomcat
 * rejects itself is the envelope under {@code /api}, and Tomcat's own report elsewhere.
 * gh-11 §2
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "augno.errors.paths=/api/**" })
class ErrorReportValvePathsIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void aRejectedRequestUnderTheConfiguredPathsIsTheEnvelope() throws Exception {
		RawHttpResponse response = RawHttpResponse.exchange(this.port,
				"GET /api/a%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response.statusLine()).startsWith("HTTP/1.1 400");
		AugnoErrors.assertThat(response.captured())
			.isAugnoError("validation_failed")
			.hasMessage(AugnoErrorReportValve.MESSAGE)
			.hasNoParam();
	}

	@Test
	void aRejectedRequestElsewhereGetsTomcatsReport() throws Exception {
		RawHttpResponse response = RawHttpResponse.exchange(this.port,
				"GET /web/a%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response.statusLine()).startsWith("HTTP/1.1 400");
		assertThat(response.header("Content-Type")).startsWith("text/html");
		assertThat(response.body()).contains("HTTP Status 400").doesNotContain("\"error\"");
	}

	@SpringBootApplication
	static class App {

	}

}
