package com.augno.errors.samplewebflux;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's size limits over Reactor Netty: the codecs' {@code maxInMemorySize} and
 * {@code spring.webflux.multipart.*} are {@code request_too_large} with a clean log, and
 * what Reactor Netty rejects before the application sees the request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class LimitsIntegrationTests {

	private static final String BOUNDARY = "sample-boundary";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void aJsonBodyOverTheCodecLimitIsRequestTooLarge(CapturedOutput output) throws Exception {
		byte[] body = ("{\"customer_email\":\"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
		assertTooLarge(post("/v1/orders", "application/json", HttpRequest.BodyPublishers.ofByteArray(body)), output);
	}

	@Test
	void aChunkedJsonBodyOverTheCodecLimitIsRequestTooLarge(CapturedOutput output) throws Exception {
		byte[] body = ("{\"customer_email\":\"" + "x".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
		assertTooLarge(post("/v1/orders", "application/json",
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))), output);
	}

	@Test
	void moreThanMaxPartsIsRequestTooLarge(CapturedOutput output) throws Exception {
		StringBuilder parts = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			parts.append(field("note" + i, "n"));
		}
		parts.append(file("file", "a.txt", "hello"));
		assertMultipartTooLarge(multipart(parts.toString()), output);
	}

	@Test
	void aFileOverMaxDiskUsagePerPartIsRequestTooLarge(CapturedOutput output) throws Exception {
		assertMultipartTooLarge(multipart(file("file", "big.bin", "x".repeat(2 * 1024 * 1024))), output);
	}

	@Test
	void aFieldOverMaxInMemorySizeIsRequestTooLarge(CapturedOutput output) throws Exception {
		assertMultipartTooLarge(multipart(field("note", "x".repeat(64 * 1024)) + file("file", "a.txt", "hello")),
				output);
	}

	@Test
	void anUploadWithinTheLimitsIsAccepted() throws Exception {
		HttpResponse<String> response = multipart(field("note", "n") + file("file", "a.txt", "hello"));
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.body()).contains("\"size\":5");
	}

	private void assertTooLarge(HttpResponse<String> response, CapturedOutput output) {
		assertTooLargeAnswer(response);
		assertThat(output).doesNotContain(" ERROR ")
			.doesNotContain(" WARN ")
			.doesNotContain("IllegalReferenceCountException")
			.doesNotContain("LEAK");
	}

	/**
	 * After a multipart 413, Reactor Netty may log an IllegalReferenceCountException
	 * ("Operator called default onErrorDropped") while it drops the rest of the body,
	 * after the answer was written (see the README); the answer and every other line are
	 * clean.
	 */
	private void assertMultipartTooLarge(HttpResponse<String> response, CapturedOutput output) {
		assertTooLargeAnswer(response);
		assertThat(output.getAll().lines().filter((line) -> line.contains(" ERROR ") || line.contains(" WARN ")))
			.allSatisfy((line) -> assertThat(line).contains("Operator called default onErrorDropped"));
		assertThat(output).doesNotContain("internal_error").doesNotContain("500 Server Error").doesNotContain("LEAK");
	}

	private void assertTooLargeAnswer(HttpResponse<String> response) {
		AugnoErrors.assertThat(response)
			.hasStatus(413)
			.isAugnoError("request_too_large")
			.hasMessage("The request is too large.")
			.hasNoParam();
	}

	private HttpResponse<String> multipart(String parts) throws Exception {
		String body = parts + "--" + BOUNDARY + "--\r\n";
		return post("/v1/orders/1/attachments", "multipart/form-data; boundary=" + BOUNDARY,
				HttpRequest.BodyPublishers.ofString(body));
	}

	private HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body)
			throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", contentType)
			.POST(body)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String field(String name, String value) {
		return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
	}

	private static String file(String name, String filename, String content) {
		return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n";
	}

	@Test
	void aMalformedRequestLineIsReactorNettysEmpty400() throws Exception {
		assertThat(raw("GARBAGE\r\n\r\n"))
			.isEqualTo("HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
	}

	@Test
	void headersOverMaxHttpRequestHeaderSizeAreReactorNettysEmpty431() throws Exception {
		assertThat(raw("GET /v1/orders/1 HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n")).isEqualTo(
				"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
	}

	@Test
	void aRequestLineOverMaxInitialLineLengthIsReactorNettysEmpty414() throws Exception {
		assertThat(raw("GET /v1/orders/1?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"))
			.isEqualTo("HTTP/1.1 414 Request-URI Too Long\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
	}

	/**
	 * Send a request over a raw socket and read until the server closes the connection.
	 */
	private String raw(String request) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
				received.write(buffer, 0, n);
			}
			return received.toString(StandardCharsets.ISO_8859_1);
		}
	}

}
