package com.augno.errors.spring.servlet;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Thymeleaf application of {@link BrowserErrorPagesIntegrationTests} with Boot's
 * {@code spring.web.error.include-message=always}, as spring-petclinic sets it: its
 * server error page shows the exception's message, as it did before the starter; the
 * envelope still does not. gh-11 §2
 */
@SpringBootTest(classes = BrowserErrorPagesIntegrationTests.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.thymeleaf.prefix=classpath:/browser-app/templates/",
				"spring.messages.basename=browser-app/messages", "spring.web.error.include-message=always" })
@ExtendWith(OutputCaptureExtension.class)
class BrowserErrorPagesIncludeMessageIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void anApplicationThatIncludesMessagesShowsTheExceptionsMessageOnItsPage(CapturedOutput output) throws Exception {
		HttpResponse<String> page = this.http.get("/crash", "Accept", BrowserErrorPagesIntegrationTests.BROWSER);
		assertThat(page.statusCode()).isEqualTo(500);
		assertThat(page.body()).contains("<p id=\"page\">error/5xx</p>",
				"<p id=\"message\">Connection to jdbc:postgresql://db.internal:5432/clinic refused</p>");
		HttpResponse<String> envelope = this.http.get("/crash", "Accept", "application/json");
		assertThat(envelope.statusCode()).isEqualTo(500);
		assertThat(envelope.body()).contains("\"message\":\"Something went wrong.\"").doesNotContain("jdbc:");
		assertThat(output).contains("500 internal_error for GET /crash");
	}

}
