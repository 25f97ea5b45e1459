package com.augno.errors.spring.reactive;

import com.augno.errors.spring.web.RequestIds;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Lets Micrometer context propagation carry the request id between the Reactor context
 * and the MDC entry {@value RequestIds#MDC_KEY}, so that the log lines of a reactive
 * request carry its id on whichever thread they are written.
 *
 * @since 0.1.0
 */
public final class MdcRequestIdAccessor implements ThreadLocalAccessor<String> {

	@Override
	public Object key() {
		return RequestIds.MDC_KEY;
	}

	@Override
	public @Nullable String getValue() {
		return MDC.get(RequestIds.MDC_KEY);
	}

	@Override
	public void setValue(String value) {
		MDC.put(RequestIds.MDC_KEY, value);
	}

	@Override
	public void setValue() {
		MDC.remove(RequestIds.MDC_KEY);
	}

}
