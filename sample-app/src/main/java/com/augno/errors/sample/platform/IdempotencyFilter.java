package com.augno.errors.sample.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Honours {@code Idempotency-Key} on POSTs: the same key while the first request is still
 * running is idempotency_in_progress; the same key with a different body is
 * validation_failed reported as idempotency_error.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	private static final String HEADER = "Idempotency-Key";

	private static final int MAX_KEY_LENGTH = 255;

	private static final int MAX_BODY_BYTES = 1024 * 1024;

	private final ConcurrentMap<String, Attempt> attempts = new ConcurrentHashMap<>();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
			throw AugnoException.of(ErrorCodes.VALIDATION_FAILED)
				.message("The Idempotency-Key header must be 1 to 255 characters.")
				.param(HEADER);
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES);
		byte[] fingerprint = fingerprint(request.getRequestURI(), body);
		Attempt started = new Attempt(fingerprint);
		Attempt existing = this.attempts.putIfAbsent(key, started);
		if (existing != null) {
			if (!Arrays.equals(existing.fingerprint(), fingerprint)) {
				throw AugnoException.of(ErrorCodes.VALIDATION_FAILED)
					.type(ErrorType.IDEMPOTENCY_ERROR)
					.message(
							"Idempotency key '" + key + "' was used with different request parameters; use a new key.");
			}
			if (existing.running()) {
				throw AugnoException.of(ErrorCodes.IDEMPOTENCY_IN_PROGRESS)
					.message("Request for the idempotency key '" + key + "' is already being processed.");
			}
		}
		try {
			chain.doFilter(new CachedBodyRequest(request, body), response);
		}
		finally {
			this.attempts.computeIfPresent(key, (name, attempt) -> attempt.finished());
		}
	}

	private static byte[] fingerprint(String path, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(path.getBytes(StandardCharsets.UTF_8));
			return digest.digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Attempt(byte[] fingerprint, boolean running) {

		Attempt(byte[] fingerprint) {
			this(fingerprint, true);
		}

		Attempt finished() {
			return new Attempt(this.fingerprint, false);
		}

	}

	/**
	 * Replays a body that was read to fingerprint it.
	 */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("Synchronous reads only");
				}
			};
		}

	}

}
