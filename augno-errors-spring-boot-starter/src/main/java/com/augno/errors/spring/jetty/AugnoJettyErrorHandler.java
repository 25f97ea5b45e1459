package com.augno.errors.spring.jetty;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorFactory;
import com.augno.errors.StatusCodes;
import com.augno.errors.spring.format.ErrorBody;
import com.augno.errors.spring.format.ErrorFormats;
import com.augno.errors.spring.format.ErrorMessages;
import com.augno.errors.spring.format.ResolvedError;
import com.augno.errors.spring.servlet.ErrorResponseWriter;
import com.augno.errors.spring.web.RequestIdGenerator;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import org.springframework.http.HttpHeaders;

/**
 * The server's error handler, which answers an error Jetty raises before the request
 * reaches the servlet context ({@code GET /%zz}, a malformed header, no {@code Host}),
 * with the envelope (or the service's format) instead of Jetty's HTML page. It keeps
 * Jetty's status and never repeats Jetty's message. These requests never reach a filter,
 * so they are neither logged by the starter nor told to its {@code ErrorListener}s.
 *
 * @since 0.1.0
 */
public final class AugnoJettyErrorHandler extends ErrorHandler {

	/**
	 * The message of a request Jetty could not parse or would not accept; the same as on
	 * Tomcat.
	 */
	public static final String MESSAGE = "The request could not be understood: its request line or headers are malformed.";

	private final ErrorFactory errorFactory;

	private final RequestIdGenerator requestIdGenerator;

	private final String requestIdHeader;

	private final ErrorFormats formats;

	private final ErrorMessages messages;

	/**
	 * Create the handler.
	 * @param errorFactory builds the error from the service's registry and links
	 * @param writer unused: the format serializes the error
	 * @param requestIdGenerator generates the request's id
	 * @param requestIdHeader the response header that carries the request id
	 */
	public AugnoJettyErrorHandler(ErrorFactory errorFactory, ErrorResponseWriter writer,
			RequestIdGenerator requestIdGenerator, String requestIdHeader) {
		this(errorFactory, requestIdGenerator, requestIdHeader, ErrorFormats.augno(),
				new ErrorMessages(null, errorFactory.registry()));
	}

	/**
	 * Create the handler, answering in the format chosen for each request.
	 * @param errorFactory builds the error from the service's registry and links
	 * @param requestIdGenerator generates the request's id
	 * @param requestIdHeader the response header that carries the request id
	 * @param formats the formats, and the choice of one per request
	 * @param messages the titles of the codes; a request Jetty rejects is answered in
	 * English
	 */
	public AugnoJettyErrorHandler(ErrorFactory errorFactory, RequestIdGenerator requestIdGenerator,
			String requestIdHeader, ErrorFormats formats, ErrorMessages messages) {
		this.formats = formats;
		this.messages = messages;
		this.errorFactory = errorFactory;
		this.requestIdGenerator = requestIdGenerator;
		this.requestIdHeader = requestIdHeader;
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) {
		int status = response.getStatus();
		if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException failure) {
			status = failure.getCode();
		}
		if (status < 400 || HttpStatus.hasNoBody(status)) {
			callback.succeeded();
			return true;
		}
		ErrorCode code = this.errorFactory.resolve(StatusCodes.forStatus(status));
		String message = ErrorCodes.VALIDATION_FAILED.code().equals(code.code()) ? MESSAGE : null;
		String requestId = this.requestIdGenerator.generate();
		AugnoError error = this.errorFactory.create(code, null, message, null, null, requestId);
		// The request may be unparsable: no instance, and English.
		ResolvedError resolved = new ResolvedError(code, error, status,
				this.messages.title(code, status, Locale.ENGLISH), List.of(), requestId, null, Locale.ENGLISH,
				new HttpHeaders(), Map.of());
		ErrorBody rendered = this.formats.select(request.getHeaders().get(HttpHeader.ACCEPT)).render(resolved);
		byte[] body = rendered.body();
		response.setStatus(status);
		HttpFields.Mutable headers = response.getHeaders();
		headers.put(HttpHeader.CONTENT_TYPE, rendered.contentType().toString());
		headers.put(HttpHeader.CACHE_CONTROL, "no-store");
		headers.put(HttpHeader.CONTENT_LENGTH, body.length);
		headers.put(this.requestIdHeader, requestId);
		response.write(true, ByteBuffer.wrap(body), callback);
		return true;
	}

}
