package com.augno.errors.spring.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

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

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void aBrowserGetsTheEnvelopeForAnUnknownUrl() throws Exception {
		HttpResponse<String> response = send("/nope");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		AugnoErrors.assertThat(response)
			.isAugnoError("resource_not_found")
			.hasMessage("Unrecognized request URL: GET /nope.")
			.hasNoParam();
	}

	@Test
	void aBrowserGetsTheEnvelopeForACrash(CapturedOutput output) throws Exception {
		HttpResponse<String> response = send("/api-crash");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		AugnoErrors.assertThat(response)
			.isAugnoError("internal_error")
			.hasMessage("Something went wrong.")
			.hasNoParam();
		assertThat(response.body()).doesNotContain("Whitelabel");
		assertThat(output).contains("500 internal_error for GET /api-crash");
	}

	private HttpResponse<String> send(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", BrowserErrorPagesIntegrationTests.BROWSER)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
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
