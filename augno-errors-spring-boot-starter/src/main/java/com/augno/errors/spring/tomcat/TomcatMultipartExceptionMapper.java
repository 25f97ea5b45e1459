package com.augno.errors.spring.tomcat;

import com.augno.errors.ErrorCodes;
import com.augno.errors.FrameworkCodes;
import com.augno.errors.spring.mapping.Causes;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import org.apache.catalina.connector.Request;
import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.MultipartStream;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.InvalidContentTypeException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.apache.tomcat.util.res.StringManager;
import org.jspecify.annotations.Nullable;

import org.springframework.web.multipart.MultipartException;

/**
 * Maps Tomcat's refusal of a malformed {@code multipart/form-data} body to
 * {@code validation_failed} (400): no boundary, a boundary that is too long, a part cut
 * short or never closed, a file name with a NUL, broken chunked framing under the parts.
 * Tomcat parses the body whenever something asks for the parts or a parameter, so the
 * failure arrives as Spring's {@link MultipartException} (the {@code DispatcherServlet}
 * resolving any multipart request, whatever the endpoint), as Tomcat's
 * {@link InvalidParameterException} or the raw parser exception (a filter calling
 * {@code getParameter}, an application calling {@code getParts}). Form fields over the
 * connector's {@code maxPostSize} are {@code request_too_large} (413), as Spring answers
 * them on its own path.
 * <p>
 * The mapping is narrow on purpose: the parser wraps any I/O failure the same way, so
 * only the parser's own verdicts on the bytes it read count as the client's fault. A temp
 * file that cannot be written (a full disk) or a missing upload directory stays
 * {@code internal_error}, and a client that went away stays a disconnect.
 *
 * @since 0.1.0
 */
public final class TomcatMultipartExceptionMapper implements ExceptionMapper {

	/**
	 * The message of a multipart body Tomcat could not parse.
	 */
	public static final String MESSAGE = "The multipart request body could not be read.";

	private static final MappedError MALFORMED = MappedError.of(ErrorCodes.VALIDATION_FAILED).withMessage(MESSAGE);

	private static final MappedError UNREADABLE = MappedError.of(ErrorCodes.VALIDATION_FAILED)
		.withMessage("The request body could not be read.");

	private static final MappedError TOO_LARGE = MappedError.of(FrameworkCodes.REQUEST_TOO_LARGE);

	private static final int MAX_CAUSE_DEPTH = 16;

	/**
	 * Tomcat's message for form fields over {@code maxPostSize}, in the locale Tomcat
	 * formats its messages in; compared whole, since Tomcat throws a plain
	 * {@link IllegalStateException} for it.
	 */
	private final String maxPostSizeExceeded = StringManager.getManager(Request.class)
		.getString("coyoteRequest.maxPostSizeExceeded");

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (throwable instanceof MultipartException || throwable instanceof InvalidParameterException
				|| throwable instanceof FileUploadException || throwable instanceof InvalidFileNameException
				|| throwable instanceof IllegalStateException) {
			return Causes.first(throwable, MAX_CAUSE_DEPTH, this::verdict);
		}
		return null;
	}

	/**
	 * The answer for one link of the cause chain, or {@code null} to look at its cause.
	 */
	private @Nullable MappedError verdict(Throwable link) {
		if (link instanceof MultipartStream.MalformedStreamException
				|| link instanceof MultipartStream.IllegalBoundaryException
				|| link instanceof InvalidContentTypeException || link instanceof InvalidFileNameException) {
			return MALFORMED;
		}
		if (link instanceof BadRequestException) {
			return UNREADABLE;
		}
		if (link instanceof SizeException || link instanceof FileCountLimitExceededException) {
			return TOO_LARGE;
		}
		if (link instanceof FileUploadException) {
			// Without a cause it is the parser's own verdict (no boundary); with one, the
			// cause decides.
			return (link.getCause() == null) ? MALFORMED : null;
		}
		if (link.getClass() == IllegalStateException.class && this.maxPostSizeExceeded.equals(link.getMessage())) {
			return TOO_LARGE;
		}
		return null;
	}

	@Override
	public int getOrder() {
		return VALIDATION_ORDER;
	}

}
