package com.augno.errors.spring.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with one limited and one free endpoint, started as many times as a test
 * needs instances, each on a random port; and what those tests share: a unique key prefix
 * per run, a check that Redis answers, HTTP calls with a deadline.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(RateLimitTestApplication.LimitedController.class)
class RateLimitTestApplication {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static ConfigurableApplicationContext start(String... properties) {
		List<String> all = new ArrayList<>(
				List.of("server.port=0", "server.shutdown=immediate", "spring.main.banner-mode=off"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(RateLimitTestApplication.class).properties(all.toArray(String[]::new))
			.run();
	}

	static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	static String uniquePrefix() {
		return "augno-test:" + UUID.randomUUID() + ":";
	}

	static HttpResponse<String> get(int port, String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.GET()
			.build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether a Redis server answers PING on a port of 127.0.0.1.
	 */
	static boolean redisAnswers(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			socket.setSoTimeout(500);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(7);
			return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
		}
		catch (IOException ex) {
			return false;
		}
	}

	static void requireRedis(int port) {
		if (!redisAnswers(port)) {
			throw new IllegalStateException("These tests need Redis on 127.0.0.1:" + port
					+ "; start it as in boot4-field-notes.md §12 (.ci/run does).");
		}
	}

	@RestController
	static class LimitedController {

		@RateLimit(name = "limited", limit = 10, window = "10s")
		@GetMapping("/limited")
		String limited() {
			return "ok";
		}

		@GetMapping("/free")
		String free() {
			return "free";
		}

	}

}
