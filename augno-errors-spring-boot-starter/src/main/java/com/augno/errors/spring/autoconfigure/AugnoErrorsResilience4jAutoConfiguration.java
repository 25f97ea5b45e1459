package com.augno.errors.spring.autoconfigure;

import com.augno.errors.spring.properties.AugnoErrorsProperties;
import com.augno.errors.spring.resilience4j.BulkheadExceptionMapper;
import com.augno.errors.spring.resilience4j.CircuitBreakerExceptionMapper;
import com.augno.errors.spring.resilience4j.RateLimiterExceptionMapper;
import com.augno.errors.spring.resilience4j.TimeLimiterExceptionMapper;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.core.EventConsumer;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.timelimiter.TimeLimiter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the mappers for Resilience4j's refusals, one per Resilience4j
 * module on the classpath, since applications often use only some of them, on either web
 * stack.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AugnoErrorsAutoConfiguration.class)
@ConditionalOnWebApplication
// resilience4j-core, on which every module is built.
@ConditionalOnClass(EventConsumer.class)
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AugnoErrorsProperties.class)
public final class AugnoErrorsResilience4jAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(CallNotPermittedException.class)
	static class CircuitBreakerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CircuitBreakerExceptionMapper augnoCircuitBreakerExceptionMapper() {
			return new CircuitBreakerExceptionMapper();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RequestNotPermitted.class)
	static class RateLimiterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RateLimiterExceptionMapper augnoRateLimiterExceptionMapper(AugnoErrorsProperties properties) {
			return new RateLimiterExceptionMapper(properties.getResilience4j().getRateLimitRetryAfter());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(BulkheadFullException.class)
	static class BulkheadConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BulkheadExceptionMapper augnoBulkheadExceptionMapper() {
			return new BulkheadExceptionMapper();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TimeLimiter.class)
	static class TimeLimiterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TimeLimiterExceptionMapper augnoTimeLimiterExceptionMapper() {
			return new TimeLimiterExceptionMapper();
		}

	}

}
