package com.augno.errors.spring.openapi;

import java.util.List;
import java.util.Map;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.FrameworkCodes;
import com.augno.errors.spring.servlet.ApplicationExceptionHandlers;
import org.jspecify.annotations.Nullable;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The codes the application's own {@code @ExceptionHandler} methods answer: a code whose
 * every source exception one of them answers (a handler of the controller, or of a
 * {@code @ControllerAdvice} that applies to it, such as a subclass of Spring's
 * {@code ResponseEntityExceptionHandler}) is the application's answer, not the envelope,
 * so the document does not describe it as the envelope. Spring MVC hands those exceptions
 * to the application's handlers at run time too. springdoc documents some of these
 * handlers itself, but not those of checked exceptions nor those a
 * {@code ResponseEntityExceptionHandler} subclass inherits.
 * <p>
 * Only the codes the starter documents for Spring MVC's own exceptions are looked at;
 * {@code internal_error}, and the {@code resource_not_found} of a path variable (which
 * only the handler's own exception can raise), are the application's when one of its
 * handlers takes any {@code RuntimeException}.
 *
 * @since 0.1.0
 */
public final class ApplicationAnsweredCodes {

	private static final List<Class<? extends Throwable>> BODY = List.of(MethodArgumentNotValidException.class,
			HttpMessageNotReadableException.class);

	private static final Map<String, List<Class<? extends Throwable>>> SOURCES = Map.ofEntries(
			Map.entry(ErrorCodes.VALIDATION_FAILED.code(), BODY), Map.entry(ErrorCodes.INVALID_FORMAT.code(), BODY),
			Map.entry(ErrorCodes.MISSING_FIELD.code(),
					List.of(MethodArgumentNotValidException.class, HttpMessageNotReadableException.class,
							MissingServletRequestPartException.class)),
			Map.entry(FrameworkCodes.UNSUPPORTED_MEDIA_TYPE.code(), List.of(HttpMediaTypeNotSupportedException.class)),
			Map.entry(FrameworkCodes.NOT_ACCEPTABLE.code(), List.of(HttpMediaTypeNotAcceptableException.class)),
			Map.entry(FrameworkCodes.REQUEST_TOO_LARGE.code(), List.of(MaxUploadSizeExceededException.class)),
			Map.entry(ErrorCodes.METHOD_NOT_ALLOWED.code(), List.of(HttpRequestMethodNotSupportedException.class)),
			Map.entry(ErrorCodes.PARAMETER_MISSING.code(),
					List.of(MissingServletRequestParameterException.class, HandlerMethodValidationException.class)),
			Map.entry(ErrorCodes.PARAMETER_INVALID.code(),
					List.of(MethodArgumentTypeMismatchException.class, HandlerMethodValidationException.class)),
			Map.entry(ErrorCodes.REQUEST_TIMEOUT.code(), List.of(AsyncRequestTimeoutException.class)),
			Map.entry(ErrorCodes.RESOURCE_NOT_FOUND.code(), List.of(RuntimeException.class)),
			Map.entry(ErrorCodes.INTERNAL_ERROR.code(), List.of(RuntimeException.class)));

	private final ApplicationExceptionHandlers handlers;

	/**
	 * Create a view of the codes the application answers.
	 * @param handlers the application's own {@code @ExceptionHandler} methods
	 */
	public ApplicationAnsweredCodes(ApplicationExceptionHandlers handlers) {
		this.handlers = handlers;
	}

	/**
	 * Return whether the application's own handlers answer a code for a controller.
	 * @param code the code
	 * @param controllerType the controller's type, or {@code null} for a request no
	 * handler matched (a method the path does not have)
	 * @return whether the application answers it
	 */
	public boolean answers(ErrorCode code, @Nullable Class<?> controllerType) {
		List<Class<? extends Throwable>> sources = SOURCES.get(code.code());
		return sources != null && sources.stream().allMatch((source) -> this.handlers.handles(controllerType, source));
	}

}
