package com.augno.errors.spring.micrometer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.augno.errors.AugnoError;
import com.augno.errors.spring.web.ErrorEvent;
import com.augno.errors.spring.web.ErrorListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts every answered error in the {@value #METER_NAME} counter, tagged {@code code},
 * {@code type} and {@code status}, so that dashboards can follow errors by the code
 * clients see. Counters are cached per tag combination, which the registry of codes keeps
 * small, so an error costs one map lookup. The same meter, with the same tags, counts the
 * errors of Spring MVC and of Spring WebFlux.
 *
 * @since 0.1.0
 */
public final class ErrorMetricsListener implements ErrorListener {

	/**
	 * Name of the counter.
	 */
	public static final String METER_NAME = "augno.errors";

	private final MeterRegistry registry;

	private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Create a listener.
	 * @param registry the registry the counter is registered with
	 */
	public ErrorMetricsListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onError(ErrorEvent event) {
		AugnoError error = event.error();
		this.counters.computeIfAbsent(new Key(error.code(), error.typeName(), event.status()), this::register)
			.increment();
	}

	private Counter register(Key key) {
		return Counter.builder(METER_NAME)
			.description("Errors answered with the Augno error envelope")
			.tag("code", key.code())
			.tag("type", key.type())
			.tag("status", Integer.toString(key.status()))
			.register(this.registry);
	}

	private record Key(String code, String type, int status) {
	}

}
