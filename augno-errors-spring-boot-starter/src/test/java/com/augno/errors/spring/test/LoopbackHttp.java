package com.augno.errors.spring.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.IntSupplier;

/**
 * The JDK's HTTP client aimed at the test's server on 127.0.0.1, for the tests that go
 * over a real socket; the port is read when a request is made, so that a field can hold
 * it before Spring injects the port.
 */
public final class LoopbackHttp {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newHttpClient();

	private final IntSupplier port;

	/**
	 * Create a client of the server on a port.
	 * @param port the port, such as {@code () -> this.port} of a {@code @LocalServerPort}
	 * field
	 */
	public LoopbackHttp(IntSupplier port) {
		this.port = port;
	}

	/**
	 * Start a request to a path, with a ten-second timeout.
	 * @param path the path and query
	 * @return the request builder
	 */
	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port.getAsInt() + path)).timeout(TIMEOUT);
	}

	/**
	 * Send a GET request.
	 * @param path the path and query
	 * @param headers header names and values, alternately
	 * @return the response
	 * @throws IOException if the exchange fails
	 * @throws InterruptedException if interrupted while waiting
	 */
	public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = request(path).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	/**
	 * Send a POST request without a body.
	 * @param path the path and query
	 * @return the response
	 * @throws IOException if the exchange fails
	 * @throws InterruptedException if interrupted while waiting
	 */
	public HttpResponse<String> post(String path) throws IOException, InterruptedException {
		return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
	}

	/**
	 * Send a POST request with a JSON body.
	 * @param path the path and query
	 * @param json the body
	 * @return the response
	 * @throws IOException if the exchange fails
	 * @throws InterruptedException if interrupted while waiting
	 */
	public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * Send a POST request with a form body ({@code application/x-www-form-urlencoded}).
	 * @param path the path and query
	 * @param form the encoded form
	 * @param headers more header names and values, alternately
	 * @return the response
	 * @throws IOException if the exchange fails
	 * @throws InterruptedException if interrupted while waiting
	 */
	public HttpResponse<String> postForm(String path, String form, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	/**
	 * Send a request.
	 * @param request the request
	 * @return the response, its body as text
	 * @throws IOException if the exchange fails
	 * @throws InterruptedException if interrupted while waiting
	 */
	public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Return an HTTP Basic {@code Authorization} value.
	 * @param user the user name
	 * @param password the password
	 * @return the header value
	 */
	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
