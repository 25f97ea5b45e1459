package com.augno.errors.spring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The container's access log (Tomcat's or Jetty's) in a temporary folder, for tests that
 * prove what status the container recorded (such as a 499 after a client went away):
 * register it from a {@code @DynamicPropertySource} method.
 */
public final class AccessLog {

	private final Path directory;

	/**
	 * Create an access log in a new temporary folder.
	 */
	public AccessLog() {
		try {
			this.directory = Files.createTempDirectory("augno-access-log");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Switch on the container's access log, one unbuffered line per request
	 * ({@code "<request line> <status>"}) in this folder.
	 * @param registry the test's dynamic properties
	 */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("server.tomcat.accesslog.enabled", () -> "true");
		registry.add("server.tomcat.accesslog.rotate", () -> "false");
		registry.add("server.tomcat.accesslog.buffered", () -> "false");
		registry.add("server.tomcat.accesslog.prefix", () -> "access");
		registry.add("server.tomcat.accesslog.suffix", () -> ".log");
		registry.add("server.tomcat.accesslog.pattern", () -> "%r %s");
		registry.add("server.tomcat.accesslog.directory", this.directory::toString);
		// The same line from Jetty, where Jetty is the container.
		registry.add("server.jetty.accesslog.enabled", () -> "true");
		registry.add("server.jetty.accesslog.custom-format", () -> "%r %s");
		registry.add("server.jetty.accesslog.filename", () -> this.directory.resolve("access.log").toString());
	}

	/**
	 * Wait for the first line that starts with the given text.
	 * @param start the start of the line, such as {@code "GET /stream "}
	 * @param wait how long to wait at most
	 * @return the line
	 * @throws IOException if the log cannot be read
	 * @throws InterruptedException if interrupted while waiting
	 */
	public String awaitLine(String start, Duration wait) throws IOException, InterruptedException {
		Path file = this.directory.resolve("access.log");
		long deadline = System.nanoTime() + wait.toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.exists(file)) {
				List<String> lines = Files.readAllLines(file)
					.stream()
					.filter((line) -> line.startsWith(start))
					.toList();
				if (!lines.isEmpty()) {
					return lines.get(0);
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No access log line starting with '" + start + "' within " + wait);
	}

}
