package com.augno.errors.spring.web;

import java.io.IOException;

import com.augno.errors.spring.mapping.SpringMvcExceptionMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's {@code /error} controller, so that what the container sends
 * there (a {@code sendError}, an exception outside Spring MVC) is answered with the
 * envelope too, whatever the request accepts.
 *
 * @since 0.1.0
 */
@Controller
@RequestMapping("${spring.web.error.path:${error.path:/error}}")
public class AugnoErrorController implements ErrorController {

	private final ErrorResponseHandler handler;

	/**
	 * Create the controller.
	 * @param handler answers the errors
	 */
	public AugnoErrorController(ErrorResponseHandler handler) {
		this.handler = handler;
	}

	/**
	 * Answer an error dispatch, or a request made to the error path directly (as a 404).
	 * @param request the request
	 * @param response the response
	 * @throws IOException if writing the response fails
	 */
	@RequestMapping
	public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
			this.handler.handle(request, response, failure);
			return;
		}
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status) {
			this.handler.respondToStatus(request, response, status);
			return;
		}
		this.handler.respond(request, response,
				SpringMvcExceptionMapper.unrecognizedUrl(request.getMethod(), request.getRequestURI()), null);
	}

}
