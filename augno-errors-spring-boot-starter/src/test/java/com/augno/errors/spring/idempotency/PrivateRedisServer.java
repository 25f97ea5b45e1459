package com.augno.errors.spring.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of the test's own, on a free port, that a test may stop and start again
 * without disturbing the machine's Redis on 6379 (which other builds share). Nothing is
 * kept on disk.
 */
final class PrivateRedisServer implements AutoCloseable {

	private final int port;

	private final Path directory;

	private Process process;

	private PrivateRedisServer(int port, Path directory) {
		this.port = port;
		this.directory = directory;
	}

	static PrivateRedisServer start() throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		PrivateRedisServer server = new PrivateRedisServer(port, Files.createTempDirectory("augno-redis"));
		server.startAgain();
		return server;
	}

	int port() {
		return this.port;
	}

	/**
	 * Start the server (again) on its port, and wait until it answers.
	 */
	void startAgain() throws IOException, InterruptedException {
		try {
			this.process = new ProcessBuilder("redis-server", "--port", Integer.toString(this.port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.directory.toString())
				.redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"These tests start a redis-server of their own: install Redis (apt-get install redis-server)", ex);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!"+PONG".equals(command("PING"))) {
			if (System.nanoTime() > deadline || !this.process.isAlive()) {
				throw new IllegalStateException("redis-server did not start on port " + this.port + ": "
						+ Files.readString(this.directory.resolve("redis.log")));
			}
			Thread.sleep(20);
		}
	}

	/**
	 * Kill the server, as a crash would.
	 */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Send one inline command and return the first line of the answer, or {@code null} if
	 * the server does not answer.
	 */
	String command(String command) {
		return Redis.command(this.port, command);
	}

	@Override
	public void close() {
		kill();
	}

	/**
	 * A minimal client for the tests' checks on a Redis server.
	 */
	static final class Redis {

		private Redis() {
		}

		/**
		 * Send one inline command and return the whole answer, or {@code null} if the
		 * server does not answer.
		 */
		static String command(int port, String command) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
				socket.setSoTimeout(2000);
				OutputStream out = socket.getOutputStream();
				out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
				out.flush();
				InputStream in = socket.getInputStream();
				byte[] buffer = new byte[65536];
				StringBuilder answer = new StringBuilder();
				int read = in.read(buffer);
				while (read > 0) {
					answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
					if (isComplete(answer)) {
						break;
					}
					read = in.read(buffer);
				}
				String text = answer.toString();
				return text.startsWith("$") ? text.substring(text.indexOf("\r\n") + 2).strip() : text.strip();
			}
			catch (IOException ex) {
				return null;
			}
		}

		private static boolean isComplete(StringBuilder answer) {
			if (answer.charAt(0) != '$') {
				return answer.indexOf("\r\n") >= 0;
			}
			int header = answer.indexOf("\r\n");
			if (header < 0) {
				return false;
			}
			int length = Integer.parseInt(answer.substring(1, header));
			return length < 0 || answer.length() >= header + 2 + length + 2;
		}

		/**
		 * Fail with a clear message unless the machine's Redis answers on 6379.
		 */
		static void requireLocalRedis() {
			if (!"+PONG".equals(command(6379, "PING"))) {
				throw new IllegalStateException("These tests need Redis on 127.0.0.1:6379; start it with: "
						+ "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" "
						+ "--appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log");
			}
		}

	}

}
