package com.augno.errors.spring.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ZeroCopyHttpOutputMessage;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EntryPointEnvelopeWebFilter}'s hold on the response: what passes through to the
 * server's response, zero-copy file transfer among it.
 */
class EntryPointEnvelopeWebFilterTests {

	private final EntryPointEnvelopeWebFilter filter = new EntryPointEnvelopeWebFilter(null, null);

	@Test
	void aFileIsSentWithoutCopyingWhereTheServerCan() {
		ZeroCopyResponse server = new ZeroCopyResponse();
		ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/download"))
			.mutate()
			.response(server)
			.build();
		Path file = Path.of("download.bin");
		List<ServerHttpResponse> seen = new ArrayList<>();
		this.filter.filter(exchange, (filtered) -> {
			seen.add(filtered.getResponse());
			filtered.getResponse().setStatusCode(HttpStatus.OK);
			return ((ZeroCopyHttpOutputMessage) filtered.getResponse()).writeWith(file, 10, 20);
		}).block();
		assertThat(seen).singleElement().isInstanceOf(ZeroCopyHttpOutputMessage.class);
		assertThat(server.files).containsExactly(file + "@10+20");
		assertThat(server.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void aServerResponseThatCannotSendFilesIsNotClaimedToBeAbleTo() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/download"));
		List<ServerHttpResponse> seen = new ArrayList<>();
		this.filter.filter(exchange, (filtered) -> {
			seen.add(filtered.getResponse());
			return Mono.empty();
		}).block();
		assertThat(seen).singleElement().isNotInstanceOf(ZeroCopyHttpOutputMessage.class);
	}

	/**
	 * A server response that records the files it is asked to send.
	 */
	private static final class ZeroCopyResponse extends MockServerHttpResponse implements ZeroCopyHttpOutputMessage {

		private final List<String> files = new ArrayList<>();

		@Override
		public Mono<Void> writeWith(Path file, long position, long count) {
			return Mono.fromRunnable(() -> this.files.add(file + "@" + position + "+" + count));
		}

	}

}
