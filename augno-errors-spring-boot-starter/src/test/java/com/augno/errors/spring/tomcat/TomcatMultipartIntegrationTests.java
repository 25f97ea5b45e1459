package com.augno.errors.spring.tomcat;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;

import com.augno.errors.spring.test.LogLines;
import com.augno.errors.test.AugnoErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed {@code multipart/form-data} bodies over a real Tomcat, on an endpoint that
 * takes parts, on one that takes JSON, and read by a filter's {@code getParameter} before
 * Spring MVC: each is the client's fault, answered 400 and logged as a client error.
 */
@SpringBootTest(classes = TomcatMultipartIntegrationTests.MultipartApp.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "logging.level.com.augno.errors=debug",
				"server.tomcat.max-http-form-post-size=1KB" })
@ExtendWith(OutputCaptureExtension.class)
class TomcatMultipartIntegrationTests {

	private static final String PART = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nhello\r\n";

	private static final String NUL_FILE_NAME = "--b\r\nContent-Disposition: form-data; name=\"a\"; filename=\"x\u0000y\"\r\n"
			+ "\r\nhello\r\n--b--\r\n";

	@LocalServerPort
	private int port;

	static Stream<Arguments> malformedBodies() {
		return Stream.of(Arguments.of("no boundary, JSON endpoint", "/v1/users", "multipart/form-data", PART),
				Arguments.of("never closed, JSON endpoint", "/v1/users", "multipart/form-data; boundary=b", PART),
				Arguments.of("never closed, upload endpoint", "/upload", "multipart/form-data; boundary=b", PART),
				Arguments.of("part headers cut short", "/upload", "multipart/form-data; boundary=b",
						"--b\r\nContent-Disp"),
				Arguments.of("a second part cut short", "/upload", "multipart/form-data; boundary=b",
						PART + "--b\r\nContent-Disposition: form-data; name=\"c\"\r\n\r\nunfinished"),
				Arguments.of("a NUL in a file name", "/upload", "multipart/form-data; boundary=b", NUL_FILE_NAME),
				Arguments.of("no boundary, read by a filter", "/v1/users?read=1", "multipart/form-data", PART),
				Arguments.of("never closed, read by a filter", "/upload?read=1", "multipart/form-data; boundary=b",
						PART),
				Arguments.of("a NUL in a file name, read by a filter", "/upload?read=1",
						"multipart/form-data; boundary=b", NUL_FILE_NAME));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedBodies")
	void answersMalformedMultipartAsClientError(String description, String target, String contentType, String body,
			CapturedOutput output) throws IOException {
		RawHttpResponse response = post(target, contentType, body);
		assertThat(response.statusLine()).startsWith("HTTP/1.1 400 ");
		AugnoErrors.assertThat(response.captured())
			.isAugnoError("validation_failed")
			.hasMessage(TomcatMultipartExceptionMapper.MESSAGE)
			.hasNoParam();
		assertThat(output).contains("DEBUG")
			.contains("400 validation_failed for POST " + target.replaceAll("\\?.*", "") + " (request_id="
					+ response.header("Request-Id") + ")");
		assertThat(LogLines.warningsAndErrors(output)).as("WARN or ERROR lines in %s", output.getAll()).isEmpty();
	}

	static Stream<Arguments> oversizedFormFields() {
		String field = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" + "x".repeat(2048) + "\r\n--b--\r\n";
		return Stream.of(Arguments.of("/upload", field), Arguments.of("/upload?read=1", field));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oversizedFormFields")
	void answersFormFieldsOverMaxPostSizeAsTooLarge(String target, String body, CapturedOutput output)
			throws IOException {
		RawHttpResponse response = post(target, "multipart/form-data; boundary=b", body);
		assertThat(response.statusLine()).startsWith("HTTP/1.1 413 ");
		AugnoErrors.assertThat(response.captured())
			.isAugnoError("request_too_large")
			.hasMessage("The request is too large.")
			.hasNoParam();
		assertThat(output.getAll()).doesNotContain("ERROR");
	}

	private RawHttpResponse post(String target, String contentType, String body) throws IOException {
		return RawHttpResponse.exchange(this.port,
				"POST " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: " + contentType
						+ "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
	}

	/**
	 * An endpoint that reads JSON, one that reads a form field, and a filter that reads
	 * the parameters when asked to, as a logging or security filter would.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class MultipartApp {

		@PostMapping("/v1/users")
		Map<String, Object> create(@RequestBody Map<String, Object> user) {
			return user;
		}

		@PostMapping("/upload")
		String upload(@RequestParam("a") String a) {
			return a;
		}

		@Bean
		OncePerRequestFilter parameterReadingFilter() {
			return new OncePerRequestFilter() {
				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					if (request.getQueryString() != null) {
						request.getParameter("read");
					}
					chain.doFilter(request, response);
				}
			};
		}

	}

}
