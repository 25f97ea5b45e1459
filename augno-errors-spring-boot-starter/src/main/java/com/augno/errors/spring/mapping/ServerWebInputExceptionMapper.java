package com.augno.errors.spring.mapping;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import com.augno.errors.ErrorCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Maps the input failures Spring WebFlux raises in place of Spring MVC's:
 * {@link WebExchangeBindException} as an invalid {@code @Valid} body, a
 * {@link DecodingException} as an unreadable body, {@link MissingRequestValueException}
 * as a missing parameter and a conversion failure as an invalid one. A body and a binding
 * result are handed to the same mappers as on Spring MVC, so both stacks give a failure
 * the same code, message and {@code param}. The types live in {@code spring-web} and
 * {@code spring-core}, so this mapper needs no WebFlux on the classpath.
 *
 * @since 0.1.0
 */
public final class ServerWebInputExceptionMapper implements ExceptionMapper {

	private static final HttpInputMessage NO_BODY = new HttpInputMessage() {

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(new byte[0]);
		}

		@Override
		public HttpHeaders getHeaders() {
			return HttpHeaders.EMPTY;
		}

	};

	private final ValidationExceptionMapper validation;

	private final RequestBodyExceptionMapper body;

	/**
	 * Create the mapper.
	 * @param validation maps an invalid {@code @Valid} body, as on Spring MVC
	 * @param body maps an unreadable body, as on Spring MVC
	 */
	public ServerWebInputExceptionMapper(ValidationExceptionMapper validation, RequestBodyExceptionMapper body) {
		this.validation = validation;
		this.body = body;
	}

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (throwable instanceof WebExchangeBindException ex) {
			// Mapped as Spring MVC's MethodArgumentNotValidException is, without
			// creating that exception (and its stack trace) to say so.
			return this.validation.map(ex.getMethodParameter(), ex.getBindingResult());
		}
		if (throwable instanceof MissingRequestValueException ex) {
			MethodParameter parameter = ex.getMethodParameter();
			String name = (parameter != null) ? WireNames.of(parameter, ex.getName()) : ex.getName();
			String label = (parameter != null) ? WireNames.label(parameter, name) : Labels.of(name);
			return MappedError.of(ErrorCodes.PARAMETER_MISSING)
				.withParam(name)
				.withMessage(label + " is required.")
				.withViolation((parameter != null) ? WireNames.location(parameter) : Violation.Location.QUERY,
						"NotNull");
		}
		if (!(throwable instanceof ServerWebInputException ex)) {
			return null;
		}
		MethodParameter parameter = ex.getMethodParameter();
		if (ex.getCause() instanceof DecodingException decoding) {
			// The message Jackson's own exception carries stays out of the answer; the
			// body mapper reads its path and target type, as on Spring MVC.
			return this.body
				.map(new HttpMessageNotReadableException("Unreadable request body", decoding.getCause(), NO_BODY));
		}
		if (ex.getCause() instanceof TypeMismatchException mismatch && parameter != null
				&& !parameter.hasParameterAnnotation(RequestBody.class)) {
			String name = WireNames.of(parameter);
			return MappedError.of(ErrorCodes.PARAMETER_INVALID)
				.withParam(name)
				.withMessage(WireNames.label(parameter, name) + " "
						+ TypeDescriptions.mustBe(mismatch.getRequiredType()) + ".")
				.withViolation(WireNames.location(parameter), "typeMismatch");
		}
		if (ex.getCause() == null && parameter != null && parameter.hasParameterAnnotation(RequestBody.class)) {
			return this.body.map(new HttpMessageNotReadableException("Required request body is missing", NO_BODY));
		}
		return null;
	}

	@Override
	public int getOrder() {
		return VALIDATION_ORDER;
	}

}
