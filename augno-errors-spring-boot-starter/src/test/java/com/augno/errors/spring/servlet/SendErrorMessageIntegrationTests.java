package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that answers a client error with {@code sendError(400, reason)} and
 * shows its messages ({@code spring.web.error.include-message=always}), as Spring
 * Initializr does: the envelope carries the reason its clients print, not the code's
 * generic message; a reason phrase and a server error's message do not show.
 */
@SpringBootTest(classes = SendErrorMessageIntegrationTests.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.web.error.include-message=always" })
class SendErrorMessageIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aClientErrorsReasonIsTheEnvelopesMessage() throws Exception {
		HttpResponse<String> response = this.http.get("/starter.zip?dependencies=foo");
		AugnoErrors.assertThat(response)
			.isAugnoError("validation_failed")
			.hasMessage("Unknown dependency 'foo' check project metadata")
			.hasNoParam();
	}

	@Test
	void aBrowsersPageCarriesTheReasonToo() throws Exception {
		HttpResponse<String> response = this.http.get("/starter.zip?dependencies=foo", "Accept", "text/html");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Unknown dependency 'foo' check project metadata");
	}

	@Test
	void aReasonPhraseKeepsTheCodesOwnMessage() throws Exception {
		AugnoErrors.assertThat(this.http.get("/send?status=403&reason=Access%20Denied"))
			.isAugnoError("insufficient_permissions")
			.hasMessage("You do not have permission to perform this action.");
		AugnoErrors.assertThat(this.http.get("/send?status=401&reason=Unauthorized"))
			.isAugnoError("invalid_credentials")
			.hasMessage("No credentials were provided.");
	}

	@Test
	void aServerErrorsMessageNeverShows() throws Exception {
		HttpResponse<String> response = this.http.get("/send?status=503&reason=db.internal:5432%20refused");
		assertThat(response.statusCode()).isEqualTo(503);
		AugnoErrors.assertThat(response).isAugnoError("service_unavailable");
		assertThat(response.body()).doesNotContain("db.internal");
	}

	@Test
	void aReasonIsKeptToOneBoundedLine() throws Exception {
		HttpResponse<String> response = this.http.get("/long");
		AugnoErrors.assertThat(response)
			.isAugnoError("validation_failed")
			.hasMessage("Unknown dependency 'a b' " + "x".repeat(475) + "...");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@RestController
		static class Generator {

			@GetMapping("/starter.zip")
			void generate(@RequestParam String dependencies, HttpServletResponse response) throws IOException {
				response.sendError(400, "Unknown dependency '" + dependencies + "' check project metadata");
			}

			@GetMapping("/send")
			void send(@RequestParam int status, @RequestParam String reason, HttpServletResponse response)
					throws IOException {
				response.sendError(status, reason);
			}

			@GetMapping("/long")
			void sendLong(HttpServletResponse response) throws IOException {
				response.sendError(400, "Unknown dependency 'a\r\n\tb' " + "x".repeat(600));
			}

		}

	}

}
