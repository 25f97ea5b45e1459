package com.augno.errors.spring.mapping;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Maps any remaining Spring {@link ErrorResponse} (such as a
 * {@link ResponseStatusException}) and any exception annotated with
 * {@link ResponseStatus} to the nearest code for its status, keeping its headers. Its
 * reason becomes the message of a 4xx only: a 5xx reason may describe internals.
 *
 * @since 0.1.0
 */
public final class ErrorResponseMapper implements ExceptionMapper {

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (throwable instanceof ErrorResponse errorResponse) {
			int status = errorResponse.getStatusCode().value();
			String reason = (throwable instanceof ResponseStatusException ex) ? ex.getReason() : null;
			return forStatus(status, reason).withHeaders(errorResponse.getHeaders());
		}
		ResponseStatus annotation = AnnotatedElementUtils.findMergedAnnotation(throwable.getClass(),
				ResponseStatus.class);
		if (annotation != null) {
			return forStatus(annotation.code().value(), annotation.reason());
		}
		return null;
	}

	@Override
	public int getOrder() {
		return ERROR_RESPONSE_ORDER;
	}

	private static MappedError forStatus(int status, @Nullable String reason) {
		MappedError mapped = MappedError.of(StatusCodes.forStatus(status));
		boolean clientError = status >= 400 && status < 500;
		return (clientError && StringUtils.hasText(reason)) ? mapped.withMessage(reason) : mapped;
	}

}
