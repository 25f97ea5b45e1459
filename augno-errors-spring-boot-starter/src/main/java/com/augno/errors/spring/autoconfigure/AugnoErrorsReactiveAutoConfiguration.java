package com.augno.errors.spring.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for a WebFlux application, which the starter does not support yet:
 * it logs one warning at startup, so that the application does not take Spring Boot's own
 * error answers for the Augno envelope.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
public final class AugnoErrorsReactiveAutoConfiguration {

	private static final Log logger = LogFactory.getLog(AugnoErrorsReactiveAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(name = "augnoReactiveStackWarning")
	static SmartInitializingSingleton augnoReactiveStackWarning() {
		return () -> logger.warn("augno-errors supports Spring MVC (servlet) applications only: this WebFlux "
				+ "application's errors are answered by Spring Boot, not with the Augno error envelope. "
				+ "Set augno.errors.enabled=false to silence this warning.");
	}

}
