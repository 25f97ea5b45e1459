package com.augno.errors.spring.tomcat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.augno.errors.spring.test.LogLines;
import com.augno.errors.test.AugnoErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures after the response was committed, and failures after the application took the
 * response's writer, over a real embedded Tomcat and a raw socket: a committed response
 * that fails is aborted (no final chunk, connection closed) rather than passed off as
 * complete, and every failure is logged once, with its request id.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
@ExtendWith(OutputCaptureExtension.class)
class CommittedFailureIntegrationTests {

	private static final int STREAMED = 64 * 1024;

	@LocalServerPort
	private int port;

	@Test
	void abortsStreamThatFailsAfterFlush(CapturedOutput output) throws IOException {
		RawHttpResponse response = get("/stream");
		assertAborted(response, "x".repeat(1024));
		assertOneCommittedErrorLine(output, "500 internal_error for GET /stream", response.header("Request-Id"));
	}

	@Test
	void abortsFilterResponseThatFailsAfterFlushBuffer(CapturedOutput output) throws IOException {
		RawHttpResponse response = get("/filter/flush");
		assertAborted(response, "partial");
		assertOneCommittedErrorLine(output, "500 internal_error for GET /filter/flush", response.header("Request-Id"));
	}

	@Test
	void abortsJsonBodyWhoseSerializationFailsAfterCommit(CapturedOutput output) throws IOException {
		RawHttpResponse response = get("/json");
		assertAborted(response, "{\"number\":1,\"name\":\"item-1\"}");
		assertOneCommittedErrorLine(output, "500 internal_error for GET /json", response.header("Request-Id"));
	}

	@Test
	void endsAnEventStreamThatTimesOutCleanly(CapturedOutput output) throws IOException {
		RawHttpResponse response = get("/events");
		assertThat(response.statusLine()).startsWith("HTTP/1.1 200");
		assertThat(response.header("Content-Type")).startsWith("text/event-stream");
		assertThat(response.body()).contains("data:hello").endsWith("\r\n0\r\n\r\n");
		assertThat(LogLines.warningsAndErrors(output)).as("the emitter's timeout is no failure").isEmpty();
	}

	@Test
	void answersFilterFailureAfterGetWriterWithUtf8Envelope(CapturedOutput output) throws IOException {
		assertEnvelopeAfterWriter(get("/filter/writer"), output, "/filter/writer");
	}

	@Test
	void answersControllerFailureAfterGetWriterWithEnvelope(CapturedOutput output) throws IOException {
		assertEnvelopeAfterWriter(get("/writer"), output, "/writer");
	}

	@Test
	void answersViewFailingHalfWayWithEnvelope(CapturedOutput output) throws IOException {
		assertEnvelopeAfterWriter(get("/view"), output, "/view");
	}

	private RawHttpResponse get(String path) throws IOException {
		return RawHttpResponse.exchange(this.port,
				"GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
	}

	static void assertAborted(RawHttpResponse response, String written) {
		assertThat(response.statusLine()).startsWith("HTTP/1.1 200");
		assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
		assertThat(response.body()).as("the body sent before the failure").contains(written);
		assertThat(response.body()).as("the chunked body ends without its final chunk")
			.doesNotEndWith("\r\n0\r\n\r\n")
			.doesNotContain("\r\n0\r\n\r\n");
	}

	private static void assertEnvelopeAfterWriter(RawHttpResponse response, CapturedOutput output, String path) {
		assertThat(response.statusLine()).startsWith("HTTP/1.1 500");
		AugnoErrors.assertThat(response.captured())
			.isAugnoError("internal_error")
			.hasContentLength()
			.hasMessage("Something went wrong.")
			.hasNoParam();
		assertOneErrorLine(output, "500 internal_error for GET " + path, response.header("Request-Id"));
	}

	private static void assertOneErrorLine(CapturedOutput output, String start, String requestId) {
		assertOneErrorLine(output, start, requestId, "");
		assertThat(output).doesNotContain("after the response was committed");
	}

	private static void assertOneCommittedErrorLine(CapturedOutput output, String start, String requestId) {
		assertOneErrorLine(output, start, requestId, " after the response was committed with 200");
	}

	private static void assertOneErrorLine(CapturedOutput output, String start, String requestId, String suffix) {
		assertThat(requestId).isNotNull();
		List<String> errors = LogLines.warningsAndErrors(output);
		assertThat(errors).as("WARN and ERROR lines in %s", output.getAll())
			.singleElement()
			.asString()
			.contains(" ERROR ", start, "(request_id=" + requestId + ")" + suffix);
	}

	@SpringBootApplication
	@RestController
	static class TestApplication {

		@GetMapping("/stream")
		StreamingResponseBody stream() {
			return (out) -> {
				byte[] kilobyte = "x".repeat(1024).getBytes(StandardCharsets.US_ASCII);
				for (int i = 0; i < STREAMED / kilobyte.length; i++) {
					out.write(kilobyte);
				}
				out.flush();
				throw new IllegalStateException("stream failed");
			};
		}

		@GetMapping("/events")
		SseEmitter events() throws IOException {
			// Sends one event, then waits for its timeout: the stream's bound.
			SseEmitter emitter = new SseEmitter(300L);
			emitter.send(SseEmitter.event().data("hello"));
			return emitter;
		}

		@GetMapping("/json")
		List<Item> json() {
			return IntStream.rangeClosed(1, 2000).mapToObj(Item::new).toList();
		}

		@GetMapping("/writer")
		void writer(HttpServletResponse response) throws IOException {
			response.getWriter().write("partial");
			throw new IllegalStateException("controller failed after getWriter");
		}

		@GetMapping("/view")
		View view() {
			return new HalfWayView();
		}

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> failingFilter() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {
						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							if (request.getRequestURI().equals("/filter/flush")) {
								OutputStream out = response.getOutputStream();
								out.write("partial".getBytes(StandardCharsets.US_ASCII));
								response.flushBuffer();
								throw new IllegalStateException("filter failed after flushBuffer");
							}
							if (request.getRequestURI().equals("/filter/writer")) {
								response.getWriter().write("partial");
								throw new IllegalStateException("filter failed after getWriter");
							}
							chain.doFilter(request, response);
						}
					});
			registration.addUrlPatterns("/filter/*");
			return registration;
		}

	}

	/**
	 * A value whose serialization fails for one item, far enough into a list that the
	 * response is committed by then.
	 */
	record Item(int number) {

		public String getName() {
			if (this.number == 1500) {
				throw new IllegalStateException("serialization failed");
			}
			return "item-" + this.number;
		}

	}

	/**
	 * A view that renders through the writer and fails half-way, as a template engine
	 * does.
	 */
	static final class HalfWayView implements View {

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			PrintWriter writer = response.getWriter();
			writer.write("<html><body>");
			throw new IllegalStateException("template failed half-way");
		}

	}

}
