package com.augno.errors.spring.tomcat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.augno.errors.test.CapturedResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * A response read off a raw socket, for requests no HTTP client would send.
 *
 * @param statusLine the status line
 * @param headers the headers, by lower-case name
 * @param body the body as UTF-8
 */
public record RawHttpResponse(String statusLine, Map<String, String> headers, String body) {

	private static final int TIMEOUT_MILLIS = 5000;

	/**
	 * Send raw bytes to the server on 127.0.0.1 and read the response until the server
	 * closes the connection.
	 * @param port the port
	 * @param request the request, as sent
	 * @return the response
	 * @throws IOException if the exchange fails or times out
	 */
	public static RawHttpResponse exchange(int port, String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(TIMEOUT_MILLIS);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return read(socket);
		}
	}

	/**
	 * Read the response from a socket until the server closes the connection.
	 * @param socket the socket, its request sent
	 * @return the response
	 * @throws IOException if reading fails or times out
	 */
	static RawHttpResponse read(Socket socket) throws IOException {
		return parse(readAll(socket.getInputStream()));
	}

	/**
	 * Return this response for the test kit's assertions.
	 * @return the status, headers and body
	 */
	public CapturedResponse captured() {
		HttpHeaders headers = new HttpHeaders();
		this.headers.forEach(headers::add);
		return CapturedResponse.of(Integer.parseInt(this.statusLine.split(" ")[1]), headers, this.body);
	}

	/**
	 * Return a header's value.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} if absent
	 */
	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	private static String readAll(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		in.transferTo(out);
		return out.toString(StandardCharsets.UTF_8);
	}

	private static RawHttpResponse parse(String raw) {
		int end = raw.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IllegalStateException("Incomplete response: " + raw);
		}
		String[] lines = raw.substring(0, end).split("\r\n");
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).trim());
		}
		return new RawHttpResponse(lines[0], headers, raw.substring(end + 4));
	}

}
