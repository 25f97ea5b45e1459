package com.augno.errors.spring.jetty;

import java.nio.ByteBuffer;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorFactory;
import com.augno.errors.spring.mapping.StatusCodes;
import com.augno.errors.spring.web.ErrorResponseWriter;
import com.augno.errors.spring.web.RequestIdGenerator;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The server's error handler, which answers an error Jetty raises before the request
 * reaches the servlet context ({@code GET /%zz}, a malformed header, no {@code Host}),
 * with the envelope instead of Jetty's HTML page. It keeps Jetty's status and never
 * repeats Jetty's message. These requests never reach a filter, so they are neither
 * logged by the starter nor told to its {@code ErrorListener}s.
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

	private final ErrorResponseWriter writer;

	private final RequestIdGenerator requestIdGenerator;

	private final String requestIdHeader;

	/**
	 * Create the handler.
	 * @param errorFactory builds the error from the service's registry and links
	 * @param writer serializes the envelope
	 * @param requestIdGenerator generates the request's id
	 * @param requestIdHeader the response header that carries the request id
	 */
	public AugnoJettyErrorHandler(ErrorFactory errorFactory, ErrorResponseWriter writer,
			RequestIdGenerator requestIdGenerator, String requestIdHeader) {
		this.errorFactory = errorFactory;
		this.writer = writer;
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
		byte[] body = this.writer.toBytes(error);
		response.setStatus(status);
		HttpFields.Mutable headers = response.getHeaders();
		headers.put(HttpHeader.CONTENT_TYPE, "application/json");
		headers.put(HttpHeader.CACHE_CONTROL, "no-store");
		headers.put(HttpHeader.CONTENT_LENGTH, body.length);
		headers.put(this.requestIdHeader, requestId);
		response.write(true, ByteBuffer.wrap(body), callback);
		return true;
	}

}
