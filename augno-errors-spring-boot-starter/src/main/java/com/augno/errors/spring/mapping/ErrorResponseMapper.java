package com.augno.errors.spring.mapping;

import java.util.Map;

import com.augno.errors.StatusCodes;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Maps any remaining Spring {@link ErrorResponse} (such as a
 * {@link ResponseStatusException}) and any exception annotated with
 * {@link ResponseStatus} to the nearest code for its status, keeping its headers
 * (WebFlux's {@code Allow} in the order Spring MVC's gets, see {@link AllowedMethods}).
 * Its reason (a {@code ResponseStatusException}'s) or its problem detail (any other
 * {@code ErrorResponse}'s, such as an {@code ErrorResponseException} the application
 * throws) becomes the message of a 4xx only: a 5xx reason may describe internals, and the
 * text of Spring's own subclasses is the framework's.
 *
 * @since 0.1.0
 */
public final class ErrorResponseMapper implements ExceptionMapper {

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (throwable instanceof ErrorResponse errorResponse) {
			int status = errorResponse.getStatusCode().value();
			HttpHeaders headers = (throwable instanceof MethodNotAllowedException ex
					&& !ex.getSupportedMethods().isEmpty())
							? AllowedMethods.sorted(errorResponse.getHeaders(), ex.getSupportedMethods())
							: errorResponse.getHeaders();
			MappedError mapped = MappedError.of(StatusCodes.forStatus(status));
			if (!isSpringOwn(throwable) && isClientError(status)) {
				mapped = withApplicationMembers(withApplicationMessage(mapped, errorResponse), errorResponse);
			}
			return mapped.withHeaders(headers);
		}
		ResponseStatus annotation = responseStatus(throwable);
		if (annotation != null) {
			int status = annotation.code().value();
			MappedError mapped = MappedError.of(StatusCodes.forStatus(status));
			String reason = annotation.reason();
			return (isClientError(status) && StringUtils.hasText(reason))
					? mapped.withMessage(reason, new ApplicationMessage(new String[] { reason }, null, reason))
					: mapped;
		}
		return null;
	}

	/**
	 * The application's message of an {@link ErrorResponse}, resolved as Spring's
	 * {@code ErrorResponse#updateAndGetBody} resolves it in the request's language: its
	 * detail message code ({@code problemDetail.<exception class>}) with its arguments,
	 * then a {@link ResponseStatusException}'s reason as a code, else the problem detail
	 * (the reason) as it is, else the code's message.
	 */
	private static MappedError withApplicationMessage(MappedError mapped, ErrorResponse errorResponse) {
		String detail = (errorResponse instanceof ResponseStatusException ex) ? ex.getReason()
				: errorResponse.getBody().getDetail();
		String[] codes = StringUtils.hasText(detail) && errorResponse instanceof ResponseStatusException
				? new String[] { errorResponse.getDetailMessageCode(), detail }
				: new String[] { errorResponse.getDetailMessageCode() };
		String text = StringUtils.hasText(detail) ? detail : null;
		return mapped.withMessage(text, new ApplicationMessage(codes, errorResponse.getDetailMessageArguments(), text));
	}

	/**
	 * The properties the application set on its problem detail, as extension members for
	 * the formats that render them ({@code problem}), as Spring would have written them.
	 */
	private static MappedError withApplicationMembers(MappedError mapped, ErrorResponse errorResponse) {
		Map<String, Object> properties = errorResponse.getBody().getProperties();
		return (properties == null || properties.isEmpty()) ? mapped : mapped.withMembers(properties);
	}

	private static boolean isClientError(int status) {
		return status >= 400 && status < 500;
	}

	/**
	 * Return the status a failure carries of its own: an {@link ErrorResponse}'s, or that
	 * of the {@link ResponseStatus} its class is annotated with.
	 * @param throwable the failure
	 * @return the status, or {@code -1} when it carries none
	 */
	public static int statusOf(Throwable throwable) {
		if (throwable instanceof ErrorResponse errorResponse) {
			return errorResponse.getStatusCode().value();
		}
		ResponseStatus annotation = responseStatus(throwable);
		return (annotation != null) ? annotation.code().value() : -1;
	}

	private static @Nullable ResponseStatus responseStatus(Throwable throwable) {
		return AnnotatedElementUtils.findMergedAnnotation(throwable.getClass(), ResponseStatus.class);
	}

	@Override
	public int getOrder() {
		return ERROR_RESPONSE_ORDER;
	}

	/**
	 * Whether an {@link ErrorResponse} is one Spring raises itself, such as WebFlux's
	 * {@code MethodNotAllowedException}: its reason and detail are the framework's text,
	 * which the answer never repeats (Spring MVC's equivalents get the code's message). A
	 * plain {@link ResponseStatusException} or {@link ErrorResponseException} carries the
	 * application's own reason or problem detail, as does any class of the application.
	 */
	private static boolean isSpringOwn(Throwable ex) {
		Class<?> type = ex.getClass();
		return type != ResponseStatusException.class && type != ErrorResponseException.class
				&& type.getName().startsWith("org.springframework.");
	}

}
