package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LogLines;
import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A servlet beside Spring MVC's (Jersey's, Spring Web Services', the application's own),
 * over a real Tomcat: a failure it throws after sending an error with {@code sendError},
 * as Jersey does with an exception no mapper handles, is answered by the container's
 * error dispatch and logged once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
@ExtendWith(OutputCaptureExtension.class)
class OtherServletsIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aFailureThrownAfterSendErrorIsAnsweredAndLoggedOnce(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.get("/plain/sent-then-thrown");
		AugnoErrors.assertThat(response)
			.isAugnoError("internal_error")
			.hasStatus(500)
			.hasMessage("Something went wrong.")
			.hasNoParam()
			.hasContentLength();
		assertThat(response.body()).doesNotContain("secret");
		assertThat(LogLines.warningsAndErrors(output)).filteredOn((line) -> line.contains("/plain/sent-then-thrown"))
			.singleElement()
			.asString()
			.contains("ERROR")
			.contains("500 internal_error for GET /plain/sent-then-thrown");
	}

	@Test
	void aFailureThrownAfterSendingAnotherStatusIsStillLogged(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.get("/plain/not-found-then-thrown");
		assertThat(response.body()).doesNotContain("secret");
		assertThat(LogLines.warningsAndErrors(output)).anySatisfy((line) -> assertThat(line).contains("ERROR")
			.contains("500 internal_error for GET /plain/not-found-then-thrown"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		ServletRegistrationBean<HttpServlet> plainServlet() {
			return new ServletRegistrationBean<>(new PlainServlet(), "/plain/*");
		}

	}

	static class PlainServlet extends HttpServlet {

		private static final long serialVersionUID = 1L;

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.sendError(request.getPathInfo().startsWith("/not-found") ? 404 : 500);
			throw new IllegalStateException("secret detail of " + request.getPathInfo());
		}

	}

}
