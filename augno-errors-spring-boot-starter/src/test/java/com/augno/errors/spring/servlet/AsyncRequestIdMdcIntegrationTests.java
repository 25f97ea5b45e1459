package com.augno.errors.spring.servlet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.WebAsyncTask;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over a real Tomcat, each kind of handler result that Spring MVC runs on a task
 * executor's thread sees the request's id in the MDC there, and leaves none behind on
 * that thread.
 */
@SpringBootTest(classes = AsyncRequestIdMdcIntegrationTests.AsyncApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.task.execution.pool.core-size=1",
				"spring.task.execution.pool.max-size=1" })
class AsyncRequestIdMdcIntegrationTests {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "/callable", "/web-async-task", "/streaming", "/streaming-entity" })
	void carriesTheRequestIdOntoTheTaskThread(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Request-Id")).hasValueSatisfying(
				(id) -> assertThat(response.body()).as("MDC on the task's thread").isEqualTo("task:" + id));
		// The executor's one thread runs the next task without the previous request's id.
		assertThat(get("/leftover").body()).isEqualTo("task:null");
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class AsyncApp {

		private final AsyncTaskExecutor executor;

		AsyncApp(AsyncTaskExecutor applicationTaskExecutor) {
			this.executor = applicationTaskExecutor;
		}

		@GetMapping("/callable")
		Callable<String> callable() {
			return AsyncApp::seen;
		}

		@GetMapping("/web-async-task")
		WebAsyncTask<String> webAsyncTask() {
			return new WebAsyncTask<>(AsyncApp::seen);
		}

		@GetMapping("/streaming")
		StreamingResponseBody streaming() {
			return (out) -> out.write(seen().getBytes(StandardCharsets.UTF_8));
		}

		@GetMapping("/streaming-entity")
		ResponseEntity<StreamingResponseBody> streamingEntity() {
			return ResponseEntity.ok((out) -> out.write(seen().getBytes(StandardCharsets.UTF_8)));
		}

		@GetMapping("/leftover")
		String leftover() throws Exception {
			return this.executor.submit(AsyncApp::seen).get();
		}

		private static String seen() {
			return "task:" + MDC.get("request_id");
		}

	}

}
