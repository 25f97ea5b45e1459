package com.augno.errors.spring.format;

import java.util.Locale;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorFactory;
import com.augno.errors.spring.mapping.MappedError;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The stack-neutral half of answering an error: turns a {@link MappedError} into the
 * {@link AugnoError} of the request, with its message in the request's language, and
 * renders it in the {@link ErrorFormat} the request's {@code Accept} chooses. The servlet
 * handler and the reactive one both answer through it, so a request gets the same body on
 * either stack; only how the bytes reach the client differs.
 *
 * @since 0.1.0
 */
public final class ErrorRenderer {

	private static final Log logger = LogFactory.getLog(ErrorRenderer.class);

	/**
	 * What a format that throws is replaced with.
	 */
	private static final ErrorFormat FALLBACK_FORMAT = new AugnoErrorFormat();

	private final ErrorFactory errorFactory;

	private final ErrorFormats formats;

	private final ErrorMessages messages;

	/**
	 * Create a renderer.
	 * @param errorFactory builds the error from the service's registry and links
	 * @param formats the formats, and the choice of one per request
	 * @param messages puts messages into the request's language
	 */
	public ErrorRenderer(ErrorFactory errorFactory, ErrorFormats formats, ErrorMessages messages) {
		this.errorFactory = errorFactory;
		this.formats = formats;
		this.messages = messages;
	}

	/**
	 * Return the factory that builds errors, whose registry resolves codes.
	 * @return the factory
	 */
	public ErrorFactory errorFactory() {
		return this.errorFactory;
	}

	/**
	 * Create the error a mapped failure stands for, its message in the given language.
	 * @param code the resolved code
	 * @param mapped the mapped failure
	 * @param requestId the request's id
	 * @param locale the request's language
	 * @return the error
	 */
	public AugnoError create(ErrorCode code, MappedError mapped, String requestId, Locale locale) {
		String message = this.messages.message(code, mapped.message(), mapped.translation(), locale);
		return this.errorFactory.create(code, mapped.type(), message, mapped.param(), mapped.quota(), requestId);
	}

	/**
	 * Render an error in the format the request's {@code Accept} chooses; a format that
	 * throws is logged and replaced by the Augno envelope, so that the client still gets
	 * its answer.
	 * @param code the resolved code
	 * @param mapped the mapped failure, with its violations, headers and members
	 * @param error the error, as {@link #create} built it
	 * @param status the status the response takes
	 * @param requestId the request's id, or {@code null}
	 * @param instance the path the client asked for, or {@code null}
	 * @param locale the request's language
	 * @param accept the request's {@code Accept} header, or {@code null}
	 * @return the rendered body, content type and headers
	 */
	public ErrorBody render(ErrorCode code, MappedError mapped, AugnoError error, int status,
			@Nullable String requestId, @Nullable String instance, Locale locale, @Nullable String accept) {
		ErrorFormat format = this.formats.select(accept);
		if (format instanceof AugnoErrorFormat envelope) {
			// The default format reads only the error and the headers: no title,
			// violations
			// or members to resolve for it.
			return ErrorBody.json(envelope.toBytes(error), HttpHeaders.readOnlyHttpHeaders(mapped.headers()));
		}
		ResolvedError resolved = new ResolvedError(code, error, status, this.messages.title(code, status, locale),
				this.messages.violations(mapped.violations(), locale), requestId, instance, locale, mapped.headers(),
				mapped.members());
		try {
			return format.render(resolved);
		}
		catch (RuntimeException ex) {
			// A format that fails must not cost the client its answer.
			logger.warn("Error format '" + format.name() + "' failed to render " + error.code() + " (request_id="
					+ resolved.requestId() + "); answering with the Augno envelope", ex);
			return FALLBACK_FORMAT.render(resolved);
		}
	}

}
