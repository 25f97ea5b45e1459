package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.augno.errors.spring.mapping.UnrecognizedUrls;
import com.augno.errors.spring.servlet.ErrorResponseHandler.MappedFailure;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

/**
 * Replaces Spring Boot's {@code /error} controller, so that what the container sends
 * there (a {@code sendError}, an exception outside Spring MVC) is answered by the
 * {@link ErrorResponseHandler} too: with the application's error page for a browser, with
 * the envelope for everyone else, whatever else the request accepts.
 * <p>
 * It extends Boot's {@link BasicErrorController} for the requests outside
 * {@code augno.errors.paths}, which get exactly Boot's answer: its HTML view for a
 * request that prefers HTML, its JSON otherwise.
 *
 * @since 0.1.0
 */
@Controller
@RequestMapping("${spring.web.error.path:${error.path:/error}}")
public class AugnoErrorController extends BasicErrorController implements ErrorController {

	private static final int MAX_MESSAGE_LENGTH = 500;

	// Messages that say no more than a status's own code: reason phrases, as Spring
	// Security's entry points and denied handlers pass them to sendError.
	private static final Set<String> GENERIC_MESSAGES = Stream
		.concat(Stream.of(HttpStatus.values()).map(HttpStatus::getReasonPhrase), Stream.of("Access Denied"))
		.map((message) -> message.toLowerCase(Locale.ROOT))
		.collect(Collectors.toUnmodifiableSet());

	private final ErrorResponseHandler handler;

	/**
	 * Create the controller.
	 * @param handler answers the errors
	 * @param errorAttributes Boot's error attributes, for the paths outside the handler's
	 * @param webProperties Boot's web settings, whose {@code spring.web.error.*} apply to
	 * those paths
	 * @param errorViewResolvers Boot's error view resolvers, for those paths
	 */
	public AugnoErrorController(ErrorResponseHandler handler, ErrorAttributes errorAttributes,
			WebProperties webProperties, List<ErrorViewResolver> errorViewResolvers) {
		super(errorAttributes, webProperties.getError(), errorViewResolvers);
		this.handler = handler;
	}

	/**
	 * Answer an error dispatch, or a request made to the error path directly (as a 404),
	 * of a request that prefers HTML: with the application's error page if it has one,
	 * else with the envelope.
	 */
	@Override
	public @Nullable ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
		if (!this.handler.getDecision().isEnveloped(request)) {
			return super.errorHtml(request, response);
		}
		ModelAndView forwarded = this.handler.takeForwardedPage(request);
		if (forwarded != null) {
			return forwarded;
		}
		try {
			if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
				return this.handler.render(request, response, failure);
			}
			MappedFailure failure = failure(request);
			return this.handler.render(request, response, failure.mapped(), failure.cause());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Answer an error dispatch, or a request made to the error path directly (as a 404),
	 * of any other request: with the envelope.
	 */
	@Override
	public @Nullable ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		if (!this.handler.getDecision().isEnveloped(request)
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				|| attributes.getResponse() == null) {
			return super.error(request);
		}
		try {
			if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
				// On an error dispatch, handle answers with the envelope.
				this.handler.handle(request, attributes.getResponse(), failure);
			}
			else {
				MappedFailure failure = failure(request);
				this.handler.respond(request, attributes.getResponse(), failure.mapped(), failure.cause());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return null;
	}

	private MappedFailure failure(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status) {
			MappedFailure failure = this.handler.forStatus(request, status);
			String message = (failure.cause() == null) ? clientErrorMessage(request, status) : null;
			return (message != null) ? new MappedFailure(failure.mapped().withMessage(message), null) : failure;
		}
		return new MappedFailure(UnrecognizedUrls.of(OriginalRequest.method(request), request.getRequestURI()), null);
	}

	/**
	 * Return the message the application passed to {@code sendError} with a 4xx, when
	 * Spring Boot would show it ({@code spring.web.error.include-message=always}, or
	 * {@code on-param} with the {@code message} parameter): the reason a client error
	 * gives, which clients print (Spring Initializr's "Unknown dependency 'foo'"). A
	 * reason phrase says no more than the code's own message and is left out; a server
	 * error's message never shows.
	 */
	private @Nullable String clientErrorMessage(HttpServletRequest request, int status) {
		if (status < 400 || status >= 500
				|| !(request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String message)
				|| message.isBlank() || !isIncludeMessage(request, MediaType.ALL)) {
			return null;
		}
		String text = message.strip().replaceAll("\\p{Cntrl}+", " ");
		if (GENERIC_MESSAGES.contains(text.toLowerCase(Locale.ROOT))) {
			return null;
		}
		return (text.length() > MAX_MESSAGE_LENGTH) ? text.substring(0, MAX_MESSAGE_LENGTH) + "..." : text;
	}

}
