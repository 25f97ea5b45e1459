package com.augno.errors.spring.client;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import com.augno.errors.spring.mapping.Causes;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.web.client.ResourceAccessException;

/**
 * A retry policy for Spring Framework's {@link RetryTemplate} that honours the Augno
 * contract:
 * <ul>
 * <li>it retries only a {@link DownstreamErrorException} the downstream marked
 * {@code is_transient} (Spring's own {@code HttpStatusCodeException} tells neither the
 * downstream's code nor the request's method, so it is never retried), an I/O failure of
 * the call, or a connection that could not be made;</li>
 * <li>never a non-idempotent method (POST, PATCH) unless the request carried an
 * {@code Idempotency-Key}, except when the connection could not be made at all, so that
 * nothing reached the downstream; the key of a request that failed on I/O is seen only
 * through a {@link DownstreamIOExceptionRequestFactory};</li>
 * <li>it waits the downstream's {@code Retry-After} when there is one, cut to
 * {@code maxRetryAfter}, and an exponential back-off with jitter otherwise;</li>
 * <li>it makes at most {@code maxAttempts} attempts, the first included.</li>
 * </ul>
 * Spring's {@link BackOff} never sees the failure, but {@code RetryTemplate} asks
 * {@link #shouldRetry(Throwable)} about the last failure on the same thread right before
 * it asks the back-off for the next delay (Spring Framework 7.0,
 * {@code RetryTemplate#execute}); this policy keeps the failure's {@code Retry-After} for
 * that one question in a thread-local, which the back-off takes and clears.
 *
 * @since 0.1.0
 */
public final class DownstreamRetryPolicy implements RetryPolicy {

	private static final int MAX_CAUSE_DEPTH = 8;

	private static final String IO_ERROR_PREFIX = "I/O error on ";

	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.TRACE, HttpMethod.PUT, HttpMethod.DELETE);

	private final ThreadLocal<@Nullable Duration> retryAfter = new ThreadLocal<>();

	private final int maxAttempts;

	private final Duration initialDelay;

	private final double multiplier;

	private final Duration maxDelay;

	private final double jitter;

	private final Duration maxRetryAfter;

	private final DoubleSupplier random;

	/**
	 * Create a policy.
	 * @param maxAttempts the most attempts of one call, the first included, at least 1
	 * @param initialDelay the delay before the first retry without {@code Retry-After}
	 * @param multiplier the factor by which the delay grows, at least 1
	 * @param maxDelay the longest computed delay
	 * @param jitter the fraction of each computed delay that is randomised, 0 to 1
	 * @param maxRetryAfter the longest {@code Retry-After} honoured
	 */
	public DownstreamRetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay,
			double jitter, Duration maxRetryAfter) {
		this(maxAttempts, initialDelay, multiplier, maxDelay, jitter, maxRetryAfter,
				() -> ThreadLocalRandom.current().nextDouble());
	}

	DownstreamRetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay, double jitter,
			Duration maxRetryAfter, DoubleSupplier random) {
		Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
		Assert.isTrue(!initialDelay.isNegative() && !maxDelay.isNegative() && !maxRetryAfter.isNegative(),
				"Delays must not be negative");
		Assert.isTrue(multiplier >= 1, "multiplier must be at least 1");
		Assert.isTrue(jitter >= 0 && jitter <= 1, "jitter must be between 0 and 1");
		this.maxAttempts = maxAttempts;
		this.initialDelay = initialDelay;
		this.multiplier = multiplier;
		this.maxDelay = maxDelay;
		this.jitter = jitter;
		this.maxRetryAfter = maxRetryAfter;
		this.random = random;
	}

	/**
	 * Create a policy with the defaults of {@code augno.errors.client.retry.*}: 3
	 * attempts, 200 ms doubling up to 5 s with 50% jitter, {@code Retry-After} up to 30
	 * s.
	 * @return the policy
	 */
	public static DownstreamRetryPolicy withDefaults() {
		return new DownstreamRetryPolicy(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5), 0.5,
				Duration.ofSeconds(30));
	}

	/**
	 * Return a {@link RetryTemplate} that retries with this policy.
	 * @return a new template
	 */
	public RetryTemplate retryTemplate() {
		return new RetryTemplate(this);
	}

	@Override
	public boolean shouldRetry(Throwable throwable) {
		Decision decision = decide(throwable);
		if (decision.retry() && decision.retryAfter() != null) {
			this.retryAfter.set(decision.retryAfter());
		}
		else {
			this.retryAfter.remove();
		}
		return decision.retry();
	}

	@Override
	public BackOff getBackOff() {
		return this::start;
	}

	private BackOffExecution start() {
		return new BackOffExecution() {

			private int retries;

			@Override
			public long nextBackOff() {
				Duration requested = DownstreamRetryPolicy.this.retryAfter.get();
				DownstreamRetryPolicy.this.retryAfter.remove();
				if (this.retries + 1 >= DownstreamRetryPolicy.this.maxAttempts) {
					return STOP;
				}
				long delay = (requested != null)
						? Math.min(requested.toMillis(), DownstreamRetryPolicy.this.maxRetryAfter.toMillis())
						: exponential(this.retries);
				this.retries++;
				return delay;
			}

		};
	}

	private long exponential(int retries) {
		double base = this.initialDelay.toMillis() * Math.pow(this.multiplier, retries);
		double capped = Math.min(base, this.maxDelay.toMillis());
		double spread = capped * this.jitter * (2 * this.random.getAsDouble() - 1);
		return Math.max(0, Math.round(capped + spread));
	}

	/**
	 * Return whether a failure of a downstream call may be retried, whatever the delay.
	 * @param throwable the failure
	 * @return whether to retry
	 */
	public static boolean isRetryable(Throwable throwable) {
		return decide(throwable).retry();
	}

	private static Decision decide(Throwable throwable) {
		Decision decision = Causes.first(throwable, MAX_CAUSE_DEPTH, DownstreamRetryPolicy::decideOne);
		return (decision != null) ? decision : Decision.NO;
	}

	private static @Nullable Decision decideOne(Throwable cause) {
		if (cause instanceof DownstreamErrorException error) {
			boolean retry = error.isTransient() && isSafe(error.method(), error.hasIdempotencyKey());
			return retry ? new Decision(true, error.retryAfter()) : Decision.NO;
		}
		if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
				|| cause instanceof UnknownHostException) {
			// Nothing reached the downstream: safe whatever the method.
			return Decision.YES;
		}
		if (cause instanceof ResourceAccessException access && !(access.getCause() instanceof DownstreamIOException)) {
			// Spring's I/O failure of a client without the request factory wrapper: the
			// method is known, whether the request carried a key is not. A connection
			// that could not be made is still retried, by the causes below.
			HttpMethod method = methodOf(access);
			return (method != null && IDEMPOTENT.contains(method)) ? Decision.YES : null;
		}
		if (cause instanceof DownstreamIOException io) {
			boolean unreached = Causes.first(io.getCause(), MAX_CAUSE_DEPTH,
					(link) -> (link instanceof ConnectException || link instanceof NoRouteToHostException
							|| link instanceof UnknownHostException) ? Boolean.TRUE : null) != null;
			return (unreached || isSafe(io.method(), io.hasIdempotencyKey())) ? Decision.YES : Decision.NO;
		}
		return null;
	}

	/**
	 * Read the method of a failed call from the message that {@code RestClient} and
	 * {@code RestTemplate} give their I/O failures: {@code I/O error on GET request for
	 * "…": …}.
	 */
	private static @Nullable HttpMethod methodOf(ResourceAccessException ex) {
		String message = ex.getMessage();
		if (message == null || !message.startsWith(IO_ERROR_PREFIX)) {
			return null;
		}
		int end = message.indexOf(" request for ", IO_ERROR_PREFIX.length());
		return (end > IO_ERROR_PREFIX.length()) ? HttpMethod.valueOf(message.substring(IO_ERROR_PREFIX.length(), end))
				: null;
	}

	private static boolean isSafe(HttpMethod method, boolean idempotencyKey) {
		return idempotencyKey || IDEMPOTENT.contains(method);
	}

	private record Decision(boolean retry, @Nullable Duration retryAfter) {

		static final Decision YES = new Decision(true, null);

		static final Decision NO = new Decision(false, null);

	}

}
