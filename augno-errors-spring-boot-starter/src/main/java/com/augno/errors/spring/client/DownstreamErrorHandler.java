package com.augno.errors.spring.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * A {@code RestClient} status handler that turns every error response into one
 * {@link DownstreamErrorException}, reading the body with a bounded
 * {@link DownstreamErrorReader}. Install it on a builder, or for one call:
 * <pre class="code">
 * RestClient client = RestClient.builder().apply(new DownstreamErrorHandler()::applyTo).build();
 * client.get().uri("/terms/{id}", id).retrieve().onStatus(HttpStatusCode::isError, handler)...
 * </pre> A handler created with {@link #passingThrough(String...)} marks the exceptions
 * of the given codes so that this service answers with the downstream's code (see
 * {@link RestClientExceptionMapper}).
 *
 * @since 0.1.0
 */
public final class DownstreamErrorHandler implements RestClient.ResponseSpec.ErrorHandler {

	/**
	 * The request header whose presence makes a non-idempotent request safe to retry.
	 */
	public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	/**
	 * The request attribute that names, as a {@code Collection<String>}, the downstream
	 * codes passed through for one call.
	 */
	public static final String PASS_THROUGH_ATTRIBUTE = DownstreamErrorHandler.class.getName() + ".passThrough";

	private final DownstreamErrorReader reader;

	private final Set<String> passThroughCodes;

	/**
	 * Create a handler with the default reader that passes no code through.
	 */
	public DownstreamErrorHandler() {
		this(new DownstreamErrorReader(), Set.of());
	}

	/**
	 * Create a handler.
	 * @param reader reads error responses
	 * @param passThroughCodes the downstream codes this service answers with as its own
	 */
	public DownstreamErrorHandler(DownstreamErrorReader reader, Set<String> passThroughCodes) {
		this.reader = reader;
		this.passThroughCodes = Set.copyOf(passThroughCodes);
	}

	/**
	 * Return a handler that also passes the given downstream codes through, for one
	 * client: this service answers with the downstream's code (and its own request id)
	 * instead of {@code external_service_error}.
	 * @param codes the codes, such as {@code resource_not_found}
	 * @return the new handler
	 */
	public DownstreamErrorHandler passingThrough(String... codes) {
		Set<String> all = new LinkedHashSet<>(this.passThroughCodes);
		all.addAll(Arrays.asList(codes));
		return new DownstreamErrorHandler(this.reader, all);
	}

	/**
	 * Return a builder customization that passes the given downstream codes through for
	 * every call of the clients it builds, whichever {@code DownstreamErrorHandler} reads
	 * their errors: <pre class="code">
	 * RestClient terms = builder.apply(DownstreamErrorHandler.passThrough("resource_not_found")).build();
	 * </pre>
	 * @param codes the codes, such as {@code resource_not_found}
	 * @return the customization
	 */
	public static Consumer<RestClient.Builder> passThrough(String... codes) {
		Set<String> passed = Set.of(codes);
		return (builder) -> builder.defaultRequest((request) -> request.attribute(PASS_THROUGH_ATTRIBUTE, passed));
	}

	/**
	 * Install this handler for every error status of a builder's clients. A status
	 * handler the builder already had runs first; one added later runs only for statuses
	 * this one does not handle, so never for an error. A handler given to
	 * {@code onStatus} for one call runs first.
	 * @param builder the builder
	 */
	public void applyTo(RestClient.Builder builder) {
		builder.defaultStatusHandler(HttpStatusCode::isError, this);
	}

	@Override
	public void handle(HttpRequest request, ClientHttpResponse response) throws IOException {
		Object attribute = request.getAttributes().get(PASS_THROUGH_ATTRIBUTE);
		Collection<?> perCall = (attribute instanceof Collection<?> codes) ? codes : Set.of();
		throw exception(request.getMethod(), request.getHeaders(), response, perCall);
	}

	/**
	 * Read an error response into the exception to throw.
	 * @param method the method of the request
	 * @param requestHeaders the headers of the request, or {@code null} if unknown
	 * @param response the response
	 * @return the exception
	 * @throws IOException if the status cannot be read
	 */
	public DownstreamErrorException exception(HttpMethod method, @Nullable HttpHeaders requestHeaders,
			ClientHttpResponse response) throws IOException {
		return exception(method, requestHeaders, response, Set.of());
	}

	private DownstreamErrorException exception(HttpMethod method, @Nullable HttpHeaders requestHeaders,
			ClientHttpResponse response, Collection<?> perCall) throws IOException {
		HttpHeaders headers = HttpHeaders.copyOf(response.getHeaders());
		int status = response.getStatusCode().value();
		InputStream body = body(response);
		DownstreamError error;
		try {
			error = this.reader.read(status, headers, body);
		}
		finally {
			abort(body);
		}
		boolean idempotencyKey = requestHeaders != null && requestHeaders.containsHeader(IDEMPOTENCY_KEY_HEADER);
		return new DownstreamErrorException(error, headers, method, idempotencyKey,
				this.passThroughCodes.contains(error.code()) || perCall.contains(error.code()));
	}

	/**
	 * Close the body before the client closes the response: Spring's JDK and
	 * {@code HttpURLConnection} responses drain what is left of a body on close, which
	 * for a huge or endless body would undo the bound on what is read. A body closed
	 * early costs the connection instead.
	 */
	private static void abort(@Nullable InputStream body) {
		if (body != null) {
			try {
				body.close();
			}
			catch (IOException ex) {
				// Nothing more to read either way.
			}
		}
	}

	private static @Nullable InputStream body(ClientHttpResponse response) {
		try {
			return response.getBody();
		}
		catch (IOException ex) {
			return null;
		}
	}

}
