package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The controller advice behind Spring MVC's own exceptions (those
 * {@link ResponseEntityExceptionHandler} covers), answering them with the envelope.
 * <p>
 * It extends {@link ResponseEntityExceptionHandler} so that Spring Boot's problem-details
 * handler, which backs off when one exists, never answers instead of it; and it is
 * ordered last, so that the application's own {@code @ExceptionHandler}s keep priority.
 * Most exceptions never reach it: the {@link AugnoHandlerExceptionResolver} answers those
 * no application handler claims before Spring MVC looks for an {@code @ExceptionHandler}.
 * It only delegates to the {@link ErrorResponseHandler}, writing the response itself
 * rather than through the message converters, so the content negotiation of a request
 * that accepts no JSON cannot swallow the error.
 *
 * @since 0.1.0
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class AugnoErrorsExceptionHandler extends ResponseEntityExceptionHandler {

	private final ErrorResponseHandler handler;

	/**
	 * Create the advice.
	 * @param handler answers the failures
	 */
	public AugnoErrorsExceptionHandler(ErrorResponseHandler handler) {
		this.handler = handler;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		answer(ex, request);
		return null;
	}

	/**
	 * Answer a wrong method without the WARN line Spring writes for it: a client error is
	 * logged once, at the level configured for client errors.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
			HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		answer(ex, request);
		return null;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleAsyncRequestNotUsableException(AsyncRequestNotUsableException ex,
			WebRequest request) {
		answer(ex, request);
		return null;
	}

	private void answer(Exception ex, WebRequest request) {
		if (request instanceof NativeWebRequest nativeRequest) {
			HttpServletRequest servletRequest = nativeRequest.getNativeRequest(HttpServletRequest.class);
			HttpServletResponse servletResponse = nativeRequest.getNativeResponse(HttpServletResponse.class);
			if (servletRequest != null && servletResponse != null) {
				try {
					this.handler.handle(servletRequest, servletResponse, ex);
				}
				catch (IOException writeFailure) {
					throw new UncheckedIOException(writeFailure);
				}
			}
		}
	}

}
