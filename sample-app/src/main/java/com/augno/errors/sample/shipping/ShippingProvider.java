package com.augno.errors.sample.shipping;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * A stand-in for a downstream shipping provider: an HTTP server on 127.0.0.1 that answers
 * {@code /rates?mode=} {@code ok}, {@code error} (500, not an envelope),
 * {@code unavailable} (503 {@code service_unavailable} envelope with
 * {@code Retry-After}), {@code no_route} (404 {@code resource_not_found} envelope) or
 * {@code slow} (answers after 3 s); and a port where nothing listens, for a refused
 * connection.
 */
@Component
class ShippingProvider implements DisposableBean {

	private static final long SLOW_MS = 3000;

	private final HttpServer server;

	private final int closedPort;

	ShippingProvider() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/rates", this::rates);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.start();
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.closedPort = socket.getLocalPort();
		}
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	String unreachableUrl() {
		return "http://127.0.0.1:" + this.closedPort;
	}

	private void rates(HttpExchange exchange) throws IOException {
		String query = exchange.getRequestURI().getQuery();
		String mode = (query != null && query.startsWith("mode=")) ? query.substring(5) : "ok";
		switch (mode) {
			case "error" -> respond(exchange, 500, "{\"error\":\"carrier database at db-7.internal is down\"}");
			case "unavailable" -> {
				exchange.getResponseHeaders().set("Retry-After", "2");
				respond(exchange, 503, envelope("service_unavailable", "api_error", "Carrier rating is down.", true));
			}
			case "no_route" -> respond(exchange, 404,
					envelope("resource_not_found", "invalid_request_error", "No rates for this route.", false));
			case "slow" -> {
				sleep();
				respond(exchange, 200, "{\"rates\":[]}");
			}
			default -> respond(exchange, 200, "{\"rates\":[{\"carrier\":\"ups\",\"amount_cents\":1299}]}");
		}
	}

	private static String envelope(String code, String type, String message, boolean isTransient) {
		return "{\"error\":{\"code\":\"" + code + "\",\"type\":\"" + type + "\",\"message\":\"" + message
				+ "\",\"param\":null,\"doc_url\":\"https://docs.augno.com/api/errors#" + code + "\",\"is_transient\":"
				+ isTransient
				+ ",\"quota\":null,\"request_log_url\":\"https://augno.com/dashboard/request-logs/rq_provider0000000001\"}}";
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(SLOW_MS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void destroy() {
		this.server.stop(0);
	}

}
