package com.augno.errors.spring.mapping;

import java.time.Duration;
import java.util.Set;

import com.augno.errors.ErrorCodes;
import com.augno.errors.FrameworkCodes;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.Assert;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps Spring MVC's own request failures: unknown routes, wrong methods and media types,
 * missing or mistyped parameters, oversized uploads and async timeouts; and the servlet
 * container's rejections of a malformed request that surface through Spring MVC, such as
 * Tomcat's undecodable or too many parameters and its malformed request bodies. Messages
 * never repeat the framework's text; they name the parameter as the client sent it.
 *
 * @since 0.1.0
 */
public final class SpringMvcExceptionMapper implements ExceptionMapper {

	/**
	 * Tomcat's failure to parse the query string or form parameters (an undecodable
	 * escape, invalid UTF-8, more than {@code maxParameterCount} parameters), thrown by
	 * {@code getParameter} and its siblings. Matched by name: Tomcat is optional.
	 */
	private static final String TOMCAT_INVALID_PARAMETER = "org.apache.tomcat.util.http.InvalidParameterException";

	/**
	 * Tomcat's failure to read a malformed request body, such as an invalid chunk header.
	 * Matched by name: Tomcat is optional.
	 */
	private static final String TOMCAT_BAD_REQUEST = "org.apache.coyote.BadRequestException";

	/**
	 * How many stack frames of an {@link IllegalArgumentException} are read to find where
	 * it was thrown.
	 */
	private static final int MAX_HEADER_FRAMES = 4;

	/**
	 * The {@code Retry-After} of a {@code request_timeout} unless another is given.
	 */
	public static final Duration DEFAULT_REQUEST_TIMEOUT_RETRY_AFTER = Duration.ofSeconds(1);

	private final @Nullable Duration requestTimeoutRetryAfter;

	/**
	 * Create a mapper that sends a {@code request_timeout} with a {@code Retry-After} of
	 * {@link #DEFAULT_REQUEST_TIMEOUT_RETRY_AFTER}.
	 */
	public SpringMvcExceptionMapper() {
		this(DEFAULT_REQUEST_TIMEOUT_RETRY_AFTER);
	}

	/**
	 * Create a mapper.
	 * @param requestTimeoutRetryAfter the {@code Retry-After} of a
	 * {@code request_timeout} (an asynchronous result that timed out), or zero for none
	 */
	public SpringMvcExceptionMapper(Duration requestTimeoutRetryAfter) {
		this.requestTimeoutRetryAfter = requestTimeoutRetryAfter.isZero() ? null : requestTimeoutRetryAfter;
	}

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (throwable instanceof NoResourceFoundException ex) {
			return UnrecognizedUrls.of(ex.getHttpMethod().name(), currentPath("/" + ex.getResourcePath()));
		}
		if (throwable instanceof NoHandlerFoundException ex) {
			return UnrecognizedUrls.of(ex.getHttpMethod(), ex.getRequestURL());
		}
		if (throwable instanceof HttpRequestMethodNotSupportedException ex) {
			Set<HttpMethod> allowed = ex.getSupportedHttpMethods();
			// Built with its headers, which it copies once, rather than through
			// withHeaders.
			return new MappedError(ErrorCodes.METHOD_NOT_ALLOWED, null, null, null, null,
					(allowed != null) ? AllowedMethods.sorted(ex.getHeaders(), allowed) : ex.getHeaders());
		}
		if (throwable instanceof HttpMediaTypeNotAcceptableException ex) {
			// Its Accept header lists what the endpoint can produce.
			return MappedError.of(FrameworkCodes.NOT_ACCEPTABLE).withHeaders(ex.getHeaders());
		}
		if (throwable instanceof HttpMediaTypeNotSupportedException ex) {
			return MappedError.of(FrameworkCodes.UNSUPPORTED_MEDIA_TYPE).withHeaders(ex.getHeaders());
		}
		if (throwable instanceof MissingServletRequestParameterException ex) {
			return parameterMissing(ex.getParameterName(),
					ConstraintMessages.required(Labels.of(ex.getParameterName())), Violation.Location.QUERY);
		}
		if (throwable instanceof MissingPathVariableException ex) {
			return parameterMissing(ex.getVariableName(), ConstraintMessages.required(Labels.of(ex.getVariableName())),
					Violation.Location.PATH);
		}
		if (throwable instanceof MissingRequestHeaderException ex) {
			return parameterMissing(ex.getHeaderName(), "The " + ex.getHeaderName() + " header is required.",
					Violation.Location.HEADER);
		}
		if (throwable instanceof MissingRequestCookieException ex) {
			return parameterMissing(ex.getCookieName(), "The " + ex.getCookieName() + " cookie is required.",
					Violation.Location.COOKIE);
		}
		if (throwable instanceof MissingServletRequestPartException ex) {
			ConstraintMessages.Text required = ConstraintMessages.required(Labels.of(ex.getRequestPartName()));
			return MappedError.of(ErrorCodes.MISSING_FIELD)
				.withParam(ex.getRequestPartName())
				.withMessage(required.message(), required.translation())
				.withViolation(Violation.Location.BODY, "NotNull");
		}
		if (throwable instanceof MethodArgumentTypeMismatchException ex) {
			String label = Labels.of(ex.getName());
			return MappedError.of(ErrorCodes.PARAMETER_INVALID)
				.withParam(ex.getName())
				.withMessage(label + " " + TypeDescriptions.mustBe(ex.getRequiredType()) + ".",
						ConstraintMessages.typeMismatch(label))
				.withViolation(WireNames.location(ex.getParameter()), "typeMismatch");
		}
		if (throwable instanceof MaxUploadSizeExceededException) {
			return MappedError.of(FrameworkCodes.REQUEST_TOO_LARGE);
		}
		if (throwable instanceof AsyncRequestTimeoutException) {
			// A Retry-After keeps HTTP clients that resend a 408 on their own (OkHttp)
			// from running the request a second time behind the caller's back.
			MappedError timeout = MappedError.of(ErrorCodes.REQUEST_TIMEOUT);
			return (this.requestTimeoutRetryAfter != null) ? timeout.withRetryAfter(this.requestTimeoutRetryAfter)
					: timeout;
		}
		if (throwable instanceof IllegalArgumentException ex && isWildcardContentType(ex)) {
			return MappedError.of(FrameworkCodes.UNSUPPORTED_MEDIA_TYPE);
		}
		String className = throwable.getClass().getName();
		if (TOMCAT_INVALID_PARAMETER.equals(className)) {
			return (errorCode(throwable) == 413) ? MappedError.of(FrameworkCodes.REQUEST_TOO_LARGE)
					: MappedError.of(ErrorCodes.PARAMETER_INVALID)
						.withMessage("The request's parameters could not be read.");
		}
		if (TOMCAT_BAD_REQUEST.equals(className)) {
			return MappedError.of(ErrorCodes.VALIDATION_FAILED).withMessage("The request body could not be read.");
		}
		return null;
	}

	@Override
	public int getOrder() {
		return SPRING_MVC_ORDER;
	}

	private static int errorCode(Throwable invalidParameter) {
		try {
			return (invalidParameter.getClass()
				.getMethod("getErrorCode")
				.invoke(invalidParameter) instanceof Integer code) ? code : 400;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return 400;
		}
	}

	/**
	 * Whether Spring refused a wildcard in the request's own {@code Content-Type}, such
	 * as {@code application/*}, while exposing the request's headers to a message
	 * converter (spring-framework#27957): the assertion of
	 * {@code HttpHeaders#setContentType} failing right under
	 * {@code ServletServerHttpRequest#getHeaders}. Any other illegal argument stays a
	 * server error.
	 */
	private static boolean isWildcardContentType(IllegalArgumentException ex) {
		StackTraceElement[] frames = ex.getStackTrace();
		for (int i = 0; i < Math.min(frames.length, MAX_HEADER_FRAMES); i++) {
			String className = frames[i].getClassName();
			if (ServletServerHttpRequest.class.getName().equals(className)) {
				return i > 0 && "getHeaders".equals(frames[i].getMethodName())
						&& "setContentType".equals(frames[i - 1].getMethodName());
			}
			if (!HttpHeaders.class.getName().equals(className) && !Assert.class.getName().equals(className)) {
				return false;
			}
		}
		return false;
	}

	private static MappedError parameterMissing(String name, String message, Violation.Location location) {
		return MappedError.of(ErrorCodes.PARAMETER_MISSING)
			.withParam(name)
			.withMessage(message)
			.withViolation(location, "NotNull");
	}

	private static MappedError parameterMissing(String name, ConstraintMessages.Text message,
			Violation.Location location) {
		return MappedError.of(ErrorCodes.PARAMETER_MISSING)
			.withParam(name)
			.withMessage(message.message(), message.translation())
			.withViolation(location, "NotNull");
	}

	/**
	 * Return the path the client asked for: the original one of a forward (a view name
	 * that no template resolves forwards to a path the client never sent).
	 */
	private static String currentPath(String fallback) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return (request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) instanceof String original) ? original
					: request.getRequestURI();
		}
		return fallback;
	}

}
