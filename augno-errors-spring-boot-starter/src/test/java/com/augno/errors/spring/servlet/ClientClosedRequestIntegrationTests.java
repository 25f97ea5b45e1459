package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;

import com.augno.errors.AugnoException;
import com.augno.errors.spring.test.LogLines;
import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's own 499 over a real Tomcat: {@code client_closed_request} thrown by the
 * application is written like any other error, while a disconnect the starter detects
 * still writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
@ExtendWith(OutputCaptureExtension.class)
class ClientClosedRequestIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void writesTheApplicationsClientClosedRequest(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.get("/thrown");
		AugnoErrors.assertThat(response)
			.isAugnoError("client_closed_request")
			.hasMessage("Client closed request.")
			.hasNoParam();
		assertThat(LogLines.warningsAndErrors(output)).as("WARN or ERROR lines in %s", output.getAll()).isEmpty();
	}

	@Test
	void writesNothingForADetectedDisconnect() throws Exception {
		HttpResponse<String> response = this.http.get("/reset");
		assertThat(response.statusCode()).isEqualTo(499);
		assertThat(response.body()).isEmpty();
	}

	@SpringBootApplication
	@RestController
	static class TestApplication {

		@GetMapping("/thrown")
		String thrown() {
			throw AugnoException.of("client_closed_request");
		}

		@GetMapping("/reset")
		String reset() throws IOException {
			throw new IOException("Connection reset by peer");
		}

	}

}
