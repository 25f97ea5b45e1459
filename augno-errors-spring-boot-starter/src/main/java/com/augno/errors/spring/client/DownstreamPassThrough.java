package com.augno.errors.spring.client;

import java.time.Duration;
import java.util.Set;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.mapping.MappedError;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Answers a downstream error with the downstream's own code, when that code is passed
 * through: by the client that made the call, or by
 * {@code augno.errors.client.pass-through-codes}. Shared by the mappers of
 * {@code RestClient} and {@code WebClient} failures, which also read Spring's own status
 * exceptions (a client without {@link DownstreamErrorHandler}) with the same bounded
 * reader.
 */
final class DownstreamPassThrough {

	private final @Nullable ErrorRegistry registry;

	private final Set<String> codes;

	private final DownstreamErrorReader reader;

	DownstreamPassThrough(@Nullable ErrorRegistry registry, Set<String> codes, DownstreamErrorReader reader) {
		this.registry = registry;
		this.codes = Set.copyOf(codes);
		this.reader = reader;
	}

	/**
	 * Answer an error the client already read into a {@link DownstreamErrorException}.
	 */
	@Nullable MappedError map(DownstreamErrorException downstream) {
		return (downstream.isPassThrough() || this.codes.contains(downstream.code())) ? map(downstream.error()) : null;
	}

	/**
	 * Answer an error response that Spring's client kept as it came, read here only when
	 * some code is passed through.
	 */
	@Nullable MappedError map(int status, @Nullable HttpHeaders headers, byte[] body) {
		if (this.registry == null || this.codes.isEmpty() || body.length == 0) {
			return null;
		}
		DownstreamError error = this.reader.read(status, (headers != null) ? headers : HttpHeaders.EMPTY, body);
		return this.codes.contains(error.code()) ? map(error) : null;
	}

	private @Nullable MappedError map(DownstreamError error) {
		if (this.registry == null || !error.envelope()) {
			return null;
		}
		ErrorCode code = this.registry.find(error.code());
		if (code == null) {
			return null;
		}
		MappedError mapped = MappedError.of(code);
		if (error.type() != null && error.type() != code.type()) {
			mapped = mapped.withType(error.type());
		}
		if (code.status() < 500 && error.message() != null) {
			mapped = mapped.withMessage(error.message());
		}
		if (error.quota() != null) {
			mapped = mapped.withQuota(error.quota());
		}
		Duration retryAfter = error.retryAfter();
		return (retryAfter != null && error.isTransient()) ? mapped.withRetryAfter(retryAfter) : mapped;
	}

}
