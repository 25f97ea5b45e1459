package com.augno.errors.spring.client;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;

import com.augno.errors.ErrorType;
import com.augno.errors.Quota;
import org.jspecify.annotations.Nullable;

/**
 * What a downstream service said when it answered with an error: the members of its Augno
 * envelope, or, for a body that is not one, a code derived from the status.
 *
 * @param status the HTTP status of the response
 * @param code the downstream's code, or the code that stands for the status when the body
 * was not an envelope
 * @param type the downstream's type, or {@code null} when it named one this version does
 * not know
 * @param message the downstream's message for end users, bounded and on one line, or
 * {@code null} when the body was not an envelope
 * @param param the field or parameter the downstream named, or {@code null}
 * @param isTransient whether the downstream said retrying may succeed
 * @param quota the downstream's quota, or {@code null}
 * @param requestId the downstream's request id, from its request id header or its
 * {@code request_log_url}, or {@code null}
 * @param retryAfter how long the downstream asked to wait before retrying, or
 * {@code null}
 * @param envelope whether the body was an Augno envelope
 * @since 0.1.0
 */
public record DownstreamError(int status, String code, @Nullable ErrorType type, @Nullable String message,
		@Nullable String param, boolean isTransient, @Nullable Quota quota, @Nullable String requestId,
		@Nullable Duration retryAfter, boolean envelope) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

}
