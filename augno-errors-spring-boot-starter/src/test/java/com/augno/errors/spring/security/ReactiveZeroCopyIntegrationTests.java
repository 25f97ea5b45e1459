package com.augno.errors.spring.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ZeroCopyHttpOutputMessage;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file download on WebFlux over Reactor Netty with Spring Security and the starter: the
 * response a handler (and so Spring's {@code ResourceHttpMessageWriter}) writes to can
 * still send the file without copying it ({@code sendfile}), as without the starter, and
 * the bytes, whole or a range, are the file's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.main.web-application-type=reactive" })
class ReactiveZeroCopyIntegrationTests {

	private static final byte[] CONTENT = content();

	private static final Path FILE = file();

	@LocalServerPort
	private int port;

	@AfterAll
	static void deleteFile() throws IOException {
		Files.deleteIfExists(FILE);
	}

	@Test
	void aFileDownloadIsWrittenToAZeroCopyResponse() throws Exception {
		HttpResponse<byte[]> response = send("/download", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Zero-Copy")).hasValue("true");
		assertThat(response.body()).isEqualTo(CONTENT);
	}

	@Test
	void aRangeOfAFileIsTheFilesBytes() throws Exception {
		HttpResponse<byte[]> response = send("/download", "bytes=1000-4999");
		assertThat(response.statusCode()).isEqualTo(206);
		assertThat(response.headers().firstValue("X-Zero-Copy")).hasValue("true");
		assertThat(response.body()).isEqualTo(Arrays.copyOfRange(CONTENT, 1000, 5000));
	}

	private HttpResponse<byte[]> send(String path, @Nullable String range) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.GET();
		if (range != null) {
			request.header("Range", range);
		}
		return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static byte[] content() {
		byte[] content = new byte[256 * 1024];
		new Random(42).nextBytes(content);
		return content;
	}

	private static Path file() {
		try {
			Path file = Files.createTempFile("augno-zero-copy", ".bin");
			Files.write(file, CONTENT);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.pathMatchers("/download").permitAll())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

		@Bean
		MapReactiveUserDetailsService userDetailsService() {
			return TestUsers.reactiveAlice();
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/download")
		FileSystemResource download(ServerWebExchange exchange) {
			exchange.getResponse()
				.getHeaders()
				.set("X-Zero-Copy", String.valueOf(exchange.getResponse() instanceof ZeroCopyHttpOutputMessage));
			return new FileSystemResource(FILE);
		}

	}

}
