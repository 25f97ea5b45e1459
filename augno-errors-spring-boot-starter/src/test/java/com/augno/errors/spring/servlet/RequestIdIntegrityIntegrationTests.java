package com.augno.errors.spring.servlet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.augno.errors.test.AugnoErrors;
import com.augno.errors.AugnoError;
import com.augno.errors.AugnoException;
import com.augno.errors.spring.web.ErrorListener;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent requests over 64 connections to a real Tomcat, a mix of successes, client
 * errors and server errors: each request id is unique and the same in the
 * {@code Request-Id} header, the body's {@code request_log_url}, the MDC of the handler
 * (and of the thread that runs its {@code Callable}) and of the error's log event, and
 * what an {@link ErrorListener} saw, which sees every error exactly once.
 * {@value #REQUESTS_PROPERTY} sets the number of requests (the {@code reliability} Maven
 * profile raises it).
 */
@SpringBootTest(classes = RequestIdIntegrityIntegrationTests.LoadApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "logging.level.com.augno.errors=debug" })
class RequestIdIntegrityIntegrationTests {

	static final String REQUESTS_PROPERTY = "augno.reliability.load-requests";

	private static final int CONNECTIONS = 64;

	private static final int DEFAULT_REQUESTS = 1024;

	private static final Pattern LOG_LINE = Pattern.compile("^(\\d{3}) (\\w+) for GET \\S+ \\(request_id=([^)]+)\\)");

	@LocalServerPort
	private int port;

	@Test
	void keepsEachRequestIdConsistentUnderConcurrentLoad() throws Exception {
		int requests = Integer.getInteger(REQUESTS_PROPERTY, DEFAULT_REQUESTS);
		LoadApp.SEEN.clear();
		// The log's own events, with the MDC each was logged with.
		Logger errorLog = (Logger) LoggerFactory.getLogger("com.augno.errors");
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		errorLog.addAppender(log);
		try {
			sendAndCheck(requests, log);
		}
		finally {
			errorLog.detachAppender(log);
		}
	}

	private void sendAndCheck(int requests, ListAppender<ILoggingEvent> log) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS);
		List<Future<List<Answer>>> results = new ArrayList<>();
		for (int c = 0; c < CONNECTIONS; c++) {
			int connection = c;
			results.add(connections.submit(() -> {
				List<Answer> answers = new ArrayList<>();
				for (int i = connection; i < requests; i += CONNECTIONS) {
					answers.add(call(client, i));
				}
				return answers;
			}));
		}
		connections.shutdown();
		assertThat(connections.awaitTermination(5, TimeUnit.MINUTES)).as("all requests answered").isTrue();
		Map<String, Answer> byId = new HashMap<>();
		for (Future<List<Answer>> result : results) {
			for (Answer answer : result.get()) {
				assertThat(byId.put(answer.requestId(), answer)).as("another answer with id %s", answer.requestId())
					.isNull();
			}
		}
		assertThat(byId).hasSize(requests);
		Map<String, Answer> errors = new HashMap<>(byId);
		errors.values().removeIf((answer) -> answer.status() < 400);
		Map<String, Seen> seen = new HashMap<>();
		for (Seen one : LoadApp.SEEN) {
			assertThat(one.mdc()).as("MDC when the listener saw %s", one.requestId()).isEqualTo(one.requestId());
			assertThat(seen.put(one.requestId(), one)).as("listener called twice for %s", one.requestId()).isNull();
		}
		assertThat(seen.keySet()).as("ids the listener saw").isEqualTo(errors.keySet());
		errors.forEach(
				(id, answer) -> assertThat(seen.get(id).status()).as("status of %s", id).isEqualTo(answer.status()));
		Map<String, String> logged = new HashMap<>();
		for (ILoggingEvent event : List.copyOf(log.list)) {
			Matcher matcher = LOG_LINE.matcher(event.getFormattedMessage());
			if (matcher.find()) {
				assertThat(event.getMDCPropertyMap().get("request_id")).as("MDC of %s", event.getFormattedMessage())
					.isEqualTo(matcher.group(3));
				assertThat(logged.put(matcher.group(3), matcher.group(2))).as("logged twice: %s", event).isNull();
			}
		}
		assertThat(logged.keySet()).as("ids in the log").isEqualTo(errors.keySet());
		errors
			.forEach((id, answer) -> assertThat(logged.get(id)).as("code logged for %s", id).isEqualTo(answer.code()));
	}

	private Answer call(HttpClient client, int i) throws Exception {
		String path = switch (i % 5) {
			case 0 -> "/ok";
			case 1 -> "/items/it_" + i;
			case 2 -> "/items?limit=x" + i;
			case 3 -> "/callable";
			default -> "/boom/" + i;
		};
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		String requestId = response.headers().firstValue("Request-Id").orElse(null);
		assertThat(requestId).as("Request-Id of %s", path).isNotNull();
		if (response.statusCode() < 400) {
			assertThat(response.body()).as("MDC in the handler of %s", path).isEqualTo(requestId);
			return new Answer(requestId, response.statusCode(), null);
		}
		String code = AugnoErrors.assertThat(response)
			.isAugnoError()
			.hasRequestId(requestId)
			.error()
			.get("code")
			.asString();
		assertThat(code).as("code of %s", path).isEqualTo(switch (i % 5) {
			case 1 -> "resource_not_found";
			case 2 -> "parameter_invalid";
			default -> "internal_error";
		});
		return new Answer(requestId, response.statusCode(), code);
	}

	/**
	 * What a client received.
	 *
	 * @param requestId the {@code Request-Id} header
	 * @param status the status
	 * @param code the envelope's code, or {@code null} for a success
	 */
	record Answer(String requestId, int status, @Nullable String code) {
	}

	/**
	 * What the listener saw.
	 *
	 * @param requestId the id in the error's {@code request_log_url}
	 * @param mdc the request id in the MDC on the listener's thread
	 * @param status the status
	 */
	record Seen(String requestId, String mdc, int status) {
	}

	/**
	 * Endpoints that succeed, fail as the client's fault and fail as the server's, and a
	 * listener that records each error with the MDC of its thread.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class LoadApp {

		static final Queue<Seen> SEEN = new ConcurrentLinkedQueue<>();

		@GetMapping("/ok")
		String ok() {
			return MDC.get("request_id");
		}

		@GetMapping("/callable")
		Callable<String> callable() {
			return () -> MDC.get("request_id");
		}

		@GetMapping("/items/{id}")
		String item(@PathVariable String id) {
			throw AugnoException.of("resource_not_found").message("No item " + id + ".");
		}

		@GetMapping("/items")
		String items(@RequestParam int limit) {
			return "items";
		}

		@GetMapping("/boom/{n}")
		String boom(@PathVariable int n) {
			throw new IllegalStateException("Simulated failure " + n);
		}

		@Bean
		ErrorListener recordingListener() {
			return (event) -> SEEN.add(new Seen(idOf(event.error()), MDC.get("request_id"), event.status()));
		}

		private static String idOf(AugnoError error) {
			String url = error.requestLogUrl();
			return (url != null) ? url.substring(url.lastIndexOf('/') + 1) : "none";
		}

	}

}
