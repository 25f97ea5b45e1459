package com.augno.errors.spring.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.Assert;

/**
 * Wraps a request factory so that the I/O failure of a call is a
 * {@link DownstreamIOException} recording the request's method and whether it carried an
 * {@code Idempotency-Key}: then {@link DownstreamRetryPolicy} may retry a POST with a key
 * after a read timeout. Without it the policy knows the method of a failed call (from
 * Spring's {@code ResourceAccessException}) but not the key. <pre class="code">
 * RestClient labels = builder.requestFactory(new DownstreamIOExceptionRequestFactory(requestFactory)).build();
 * </pre> Unlike a {@code ClientHttpRequestInterceptor}, it keeps a streamed request body
 * streamed.
 *
 * @since 0.1.0
 */
public final class DownstreamIOExceptionRequestFactory implements ClientHttpRequestFactory {

	private final ClientHttpRequestFactory delegate;

	/**
	 * Wrap a request factory.
	 * @param delegate the factory that creates the requests
	 */
	public DownstreamIOExceptionRequestFactory(ClientHttpRequestFactory delegate) {
		Assert.notNull(delegate, "delegate must not be null");
		this.delegate = delegate;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		ClientHttpRequest request = this.delegate.createRequest(uri, httpMethod);
		return (request instanceof StreamingHttpOutputMessage) ? new StreamingRequest(request) : new Request(request);
	}

	private static class Request implements ClientHttpRequest {

		final ClientHttpRequest delegate;

		Request(ClientHttpRequest delegate) {
			this.delegate = delegate;
		}

		@Override
		public ClientHttpResponse execute() throws IOException {
			try {
				return this.delegate.execute();
			}
			catch (DownstreamIOException ex) {
				throw ex;
			}
			catch (IOException ex) {
				throw new DownstreamIOException(getMethod(),
						getHeaders().containsHeader(DownstreamErrorHandler.IDEMPOTENCY_KEY_HEADER), ex);
			}
		}

		@Override
		public OutputStream getBody() throws IOException {
			return this.delegate.getBody();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.delegate.getHeaders();
		}

		@Override
		public HttpMethod getMethod() {
			return this.delegate.getMethod();
		}

		@Override
		public URI getURI() {
			return this.delegate.getURI();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.delegate.getAttributes();
		}

	}

	/**
	 * A request whose body the client may stream, as the wrapped one's.
	 */
	private static final class StreamingRequest extends Request implements StreamingHttpOutputMessage {

		StreamingRequest(ClientHttpRequest delegate) {
			super(delegate);
		}

		@Override
		public void setBody(Body body) {
			((StreamingHttpOutputMessage) this.delegate).setBody(body);
		}

	}

}
