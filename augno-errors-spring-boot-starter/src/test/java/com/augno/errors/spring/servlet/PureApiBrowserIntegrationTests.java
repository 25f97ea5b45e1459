package com.augno.errors.spring.servlet;

import java.net.http.HttpResponse;

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
 * A pure API, with a template engine on the class path but no error pages: a browser gets
 * the envelope, as every other client does, never Boot's whitelabel page. gh-11 §2
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
@ExtendWith(OutputCaptureExtension.class)
class PureApiBrowserIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aBrowserGetsTheEnvelopeForAnUnknownUrl() throws Exception {
		HttpResponse<String> response = this.http.get("/nope", "Accept", BrowserErrorPagesIntegrationTests.BROWSER);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		AugnoErrors.assertThat(response)
			.isAugnoError("resource_not_found")
			.hasMessage("Unrecognized request URL: GET /nope.")
			.hasNoParam();
	}

	@Test
	void aBrowserGetsTheEnvelopeForACrash(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.get("/api-crash", "Accept",
				BrowserErrorPagesIntegrationTests.BROWSER);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		AugnoErrors.assertThat(response)
			.isAugnoError("internal_error")
			.hasMessage("Something went wrong.")
			.hasNoParam();
		assertThat(response.body()).doesNotContain("Whitelabel");
		assertThat(output).contains("500 internal_error for GET /api-crash");
	}

	@SpringBootApplication
	static class App {

		@RestController
		static class CrashController {

			@GetMapping("/api-crash")
			String crash() {
				throw new IllegalStateException("Simulated failure");
			}

		}

	}

}
