package com.augno.errors.spring.properties;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of calls to other services, under {@code augno.errors.client}: how a
 * downstream error response is read, what this service answers when it reaches it, how
 * the request id travels and how calls are retried.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("augno.errors.client")
public class AugnoErrorsClientProperties {

	/**
	 * Whether the starter customizes every RestClient.Builder, RestTemplateBuilder and
	 * WebClient.Builder of the application (the current request id, and
	 * raise-downstream-errors), and defines the DownstreamRetryPolicy bean.
	 */
	private boolean enabled = true;

	/**
	 * Whether every RestClient.Builder, RestTemplateBuilder and WebClient.Builder of the
	 * application turns downstream error responses into DownstreamErrorException instead
	 * of Spring's HttpClientErrorException, HttpServerErrorException and
	 * WebClientResponseException. Off by default: it changes the exceptions that the
	 * application's own code catches.
	 */
	private boolean raiseDownstreamErrors;

	/**
	 * Request header that carries the current request id to the downstream service, and
	 * response header from which the downstream's own request id is read.
	 */
	private String requestIdHeader = "Request-Id";

	/**
	 * Whether outgoing calls carry the current request id. Ignored when Micrometer
	 * Tracing is in use (a Tracer bean other than the no-op one): its propagation carries
	 * the trace instead.
	 */
	private boolean propagateRequestId = true;

	/**
	 * Most bytes of a downstream error body that are read; the rest is never read.
	 */
	private DataSize maxBodySize = DataSize.ofKilobytes(64);

	/**
	 * Deepest nesting of JSON arrays and objects accepted in a downstream error body; a
	 * deeper body is treated as not an envelope.
	 */
	private int maxNestingDepth = 16;

	/**
	 * Downstream error codes that this service answers with as its own (with its own
	 * request id) instead of external_service_error, such as resource_not_found. A code
	 * this service's registry does not know is never passed through.
	 */
	private Set<String> passThroughCodes = new LinkedHashSet<>();

	private final Retry retry = new Retry();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isRaiseDownstreamErrors() {
		return this.raiseDownstreamErrors;
	}

	public void setRaiseDownstreamErrors(boolean raiseDownstreamErrors) {
		this.raiseDownstreamErrors = raiseDownstreamErrors;
	}

	public String getRequestIdHeader() {
		return this.requestIdHeader;
	}

	public void setRequestIdHeader(String requestIdHeader) {
		this.requestIdHeader = requestIdHeader;
	}

	public boolean isPropagateRequestId() {
		return this.propagateRequestId;
	}

	public void setPropagateRequestId(boolean propagateRequestId) {
		this.propagateRequestId = propagateRequestId;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public int getMaxNestingDepth() {
		return this.maxNestingDepth;
	}

	public void setMaxNestingDepth(int maxNestingDepth) {
		this.maxNestingDepth = maxNestingDepth;
	}

	public Set<String> getPassThroughCodes() {
		return this.passThroughCodes;
	}

	public void setPassThroughCodes(Set<String> passThroughCodes) {
		this.passThroughCodes = passThroughCodes;
	}

	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * The retry policy of downstream calls: only transient errors and connection
	 * failures, only idempotent requests or requests with an Idempotency-Key.
	 */
	public static class Retry {

		/**
		 * Most attempts of one call, the first included.
		 */
		private int maxAttempts = 3;

		/**
		 * Delay before the first retry when the downstream sent no Retry-After.
		 */
		private Duration initialDelay = Duration.ofMillis(200);

		/**
		 * Factor by which the delay grows with each further retry.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest delay computed by the exponential back-off.
		 */
		private Duration maxDelay = Duration.ofSeconds(5);

		/**
		 * Fraction of each computed delay that is randomised, from 0 (none) to 1 (a delay
		 * anywhere between zero and twice the computed one).
		 */
		private double jitter = 0.5;

		/**
		 * Longest Retry-After a downstream may ask for; a longer one is cut to this.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(30);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

	}

}
