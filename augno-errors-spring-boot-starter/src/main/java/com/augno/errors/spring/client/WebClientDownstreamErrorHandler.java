package com.augno.errors.spring.client;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The {@code WebClient} counterpart of {@link DownstreamErrorHandler}: turns every error
 * response into one {@link DownstreamErrorException}, reading at most the
 * {@link DownstreamErrorReader}'s bound of the body (the rest is never read) with the
 * same reader, so that both clients see a downstream's answer alike. Install it on a
 * builder: <pre class="code">
 * WebClient client = WebClient.builder().apply(new WebClientDownstreamErrorHandler()::applyTo).build();
 * </pre>
 *
 * @since 0.1.0
 */
public final class WebClientDownstreamErrorHandler implements Function<ClientResponse, Mono<? extends Throwable>> {

	private final DownstreamErrorReader reader;

	private final Set<String> passThroughCodes;

	/**
	 * Create a handler with the default reader that passes no code through.
	 */
	public WebClientDownstreamErrorHandler() {
		this(new DownstreamErrorReader(), Set.of());
	}

	/**
	 * Create a handler.
	 * @param reader reads error responses
	 * @param passThroughCodes the downstream codes this service answers with as its own
	 */
	public WebClientDownstreamErrorHandler(DownstreamErrorReader reader, Set<String> passThroughCodes) {
		this.reader = reader;
		this.passThroughCodes = Set.copyOf(passThroughCodes);
	}

	/**
	 * Return a handler that also passes the given downstream codes through, for the
	 * clients it is installed on (see {@link DownstreamErrorHandler#passingThrough}).
	 * @param codes the codes, such as {@code resource_not_found}
	 * @return the new handler
	 */
	public WebClientDownstreamErrorHandler passingThrough(String... codes) {
		Set<String> all = new LinkedHashSet<>(this.passThroughCodes);
		all.addAll(Arrays.asList(codes));
		return new WebClientDownstreamErrorHandler(this.reader, all);
	}

	/**
	 * Install this handler for every error status of a builder's clients. A handler given
	 * to {@code onStatus} for one call runs first.
	 * @param builder the builder
	 */
	public void applyTo(WebClient.Builder builder) {
		builder.defaultStatusHandler(HttpStatusCode::isError, this);
	}

	@Override
	public Mono<DownstreamErrorException> apply(ClientResponse response) {
		int limit = this.reader.getMaxBodyBytes() + 1;
		return DataBufferUtils.join(DataBufferUtils.takeUntilByteCount(response.bodyToFlux(DataBuffer.class), limit))
			.map(WebClientDownstreamErrorHandler::bytes)
			.defaultIfEmpty(new byte[0])
			// A body cut off mid-way is a body that is not an envelope.
			.onErrorReturn(new byte[0])
			.map((body) -> exception(response, body));
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private DownstreamErrorException exception(ClientResponse response, byte[] body) {
		HttpHeaders headers = HttpHeaders.copyOf(response.headers().asHttpHeaders());
		DownstreamError error = this.reader.read(response.statusCode().value(), headers, body);
		HttpHeaders requestHeaders = response.request().getHeaders();
		return new DownstreamErrorException(error, headers, response.request().getMethod(),
				requestHeaders.containsHeader(DownstreamErrorHandler.IDEMPOTENCY_KEY_HEADER),
				this.passThroughCodes.contains(error.code()));
	}

}
