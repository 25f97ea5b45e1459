package com.augno.errors.spring.mapping;

import com.augno.errors.FrameworkCodes;

import org.jspecify.annotations.Nullable;

import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;

/**
 * Maps the limits of Spring's reactive multipart reader
 * ({@code spring.webflux.multipart.max-in-memory-size}, {@code max-disk-usage-per-part},
 * {@code max-parts}) to {@code request_too_large}. The reader raises them bare, not
 * wrapped as a request input failure, so they are told apart by where they were thrown: a
 * buffer limit or a "too many parts" decoding failure raised in
 * {@code org.springframework.http.codec.multipart}. The same exceptions raised elsewhere,
 * such as by a {@code WebClient} reading a downstream answer, stay server errors.
 *
 * @since 0.1.0
 */
public final class MultipartLimitExceptionMapper implements ExceptionMapper {

	private static final String MULTIPART_PACKAGE = "org.springframework.http.codec.multipart.";

	/**
	 * How many stack frames are read to find where a limit was thrown.
	 */
	private static final int MAX_FRAMES = 4;

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		boolean limit = throwable instanceof DataBufferLimitException || (throwable instanceof DecodingException
				&& throwable.getMessage() != null && throwable.getMessage().startsWith("Too many parts"));
		return (limit && thrownByMultipartReader(throwable)) ? MappedError.of(FrameworkCodes.REQUEST_TOO_LARGE) : null;
	}

	@Override
	public int getOrder() {
		return VALIDATION_ORDER;
	}

	private static boolean thrownByMultipartReader(Throwable throwable) {
		StackTraceElement[] frames = throwable.getStackTrace();
		for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
			if (frames[i].getClassName().startsWith(MULTIPART_PACKAGE)) {
				return true;
			}
		}
		return false;
	}

}
