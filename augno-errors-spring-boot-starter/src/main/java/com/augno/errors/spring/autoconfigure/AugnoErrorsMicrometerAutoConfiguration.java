package com.augno.errors.spring.autoconfigure;

import com.augno.errors.spring.micrometer.ErrorMetricsListener;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code augno.errors} counter, when the application has a
 * Micrometer {@link MeterRegistry}, on either web stack.
 *
 * @since 0.1.0
 */
// After Boot's metrics auto-configurations: the MeterRegistry bean must be defined
// before @ConditionalOnBean looks for it.
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnWebApplication
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
public final class AugnoErrorsMicrometerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ErrorMetricsListener augnoErrorMetricsListener(MeterRegistry registry) {
		return new ErrorMetricsListener(registry);
	}

}
