package com.augno.errors.spring.servlet;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

/**
 * Records a failure answered with a 5xx on the current OpenTelemetry span: an exception
 * event and the error status, as the OpenTelemetry Java agent records a failure that
 * leaves the servlet unanswered. Answered by the starter, the failure never leaves it,
 * and the agent's server span would keep the status but lose the exception. The agent
 * bridges the application's OpenTelemetry API to its own spans, so this works wherever
 * the API is on the class path; the class is loaded only then.
 */
final class OpenTelemetrySpans {

	private OpenTelemetrySpans() {
	}

	/**
	 * Record a failure on the current span, if one is recording.
	 * @param failure the failure
	 */
	static void recordFailure(Throwable failure) {
		Span span = Span.current();
		if (span.isRecording()) {
			span.recordException(failure);
			span.setStatus(StatusCode.ERROR);
		}
	}

}
