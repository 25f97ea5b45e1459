package com.augno.errors.spring.servlet;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.spring.test.MultipartUploads;
import com.augno.errors.spring.test.OversizeUploadPages;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Thymeleaf application with Spring MVC's hidden method filter and upload limits, over
 * a real Tomcat: an upload larger than {@code max-request-size} fails in that filter,
 * which reads a parameter Tomcat cannot parse, and on the error dispatch (which the
 * filter skips) the {@code DispatcherServlet} resolving the parts fails again, before the
 * error page. A browser still gets the application's page with 413, the failure logged
 * once; an API client gets the envelope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.thymeleaf.prefix=classpath:/browser-app/templates/",
				"spring.messages.basename=browser-app/messages", "spring.messages.fallback-to-system-locale=false",
				"spring.mvc.hiddenmethod.filter.enabled=true", "spring.servlet.multipart.max-file-size=1KB",
				"spring.servlet.multipart.max-request-size=4KB", "logging.level.com.augno.errors=debug" })
@ExtendWith(OutputCaptureExtension.class)
class BrowserOversizeUploadIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aBrowserUploadingTooMuchGetsTheApplicationsPage(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http
			.send(upload(8 * 1024).header("Accept", BrowserErrorPagesIntegrationTests.BROWSER));
		OversizeUploadPages.assertTheApplicationsPageLoggedOnce(response, output);
	}

	@Test
	void anApiClientUploadingTooMuchGetsTheEnvelope() throws Exception {
		HttpResponse<String> response = this.http.send(upload(8 * 1024).header("Accept", "application/json"));
		assertThat(response.statusCode()).isEqualTo(413);
		AugnoErrors.assertThat(response).isAugnoError("request_too_large");
	}

	@Test
	void anUploadWithinTheLimitsReachesTheApplication() throws Exception {
		HttpResponse<String> response = this.http
			.send(upload(512).header("Accept", BrowserErrorPagesIntegrationTests.BROWSER));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("stored 512 bytes");
	}

	private HttpRequest.Builder upload(int fileSize) {
		return MultipartUploads.post(this.http.request("/upload"), null, fileSize);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(UploadController.class)
	static class App {

	}

	@Controller
	static class UploadController {

		@PostMapping("/upload")
		@ResponseBody
		String upload(@RequestParam MultipartFile file) {
			return "stored " + file.getSize() + " bytes";
		}

	}

}
