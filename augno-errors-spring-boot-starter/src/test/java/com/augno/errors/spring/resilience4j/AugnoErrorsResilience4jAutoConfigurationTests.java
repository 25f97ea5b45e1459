package com.augno.errors.spring.resilience4j;

import java.time.Duration;

import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsResilience4jAutoConfiguration;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.mapping.ExceptionMapper;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.core.EventConsumer;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link AugnoErrorsResilience4jAutoConfiguration} applies.
 */
class AugnoErrorsResilience4jAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AugnoErrorsAutoConfiguration.class, AugnoErrorsResilience4jAutoConfiguration.class));

	@Test
	void joinsTheMapperChainWithOneMapperPerModule() {
		this.runner.run((context) -> {
			assertThat(context).hasBean("augnoCircuitBreakerExceptionMapper")
				.hasBean("augnoRateLimiterExceptionMapper")
				.hasBean("augnoBulkheadExceptionMapper")
				.hasBean("augnoTimeLimiterExceptionMapper");
			assertThat(context.getBean(CompositeExceptionMapper.class).getMappers())
				.containsAll(context.getBeansOfType(ExceptionMapper.class)
					.values()
					.stream()
					.filter((mapper) -> mapper.getClass().getPackageName().endsWith("resilience4j"))
					.toList())
				.hasSizeGreaterThan(4);
		});
	}

	@Test
	void isConditionalOnResilience4j() {
		this.runner.withClassLoader(new FilteredClassLoader(EventConsumer.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CompositeExceptionMapper.class)
				.doesNotHaveBean(CircuitBreakerExceptionMapper.class)
				.doesNotHaveBean(RateLimiterExceptionMapper.class)
				.doesNotHaveBean(BulkheadExceptionMapper.class)
				.doesNotHaveBean(TimeLimiterExceptionMapper.class));
	}

	@Test
	void mapsOnlyTheModulesOnTheClasspath() {
		this.runner.withClassLoader(new FilteredClassLoader(RequestNotPermitted.class, BulkheadFullException.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CircuitBreakerExceptionMapper.class)
				.hasSingleBean(TimeLimiterExceptionMapper.class)
				.doesNotHaveBean(RateLimiterExceptionMapper.class)
				.doesNotHaveBean(BulkheadExceptionMapper.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("augno.errors.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CircuitBreakerExceptionMapper.class)
				.doesNotHaveBean(RateLimiterExceptionMapper.class));
	}

	@Test
	void backsOffWhenUserDefinesTheRateLimiterMapper() {
		RateLimiterExceptionMapper own = new RateLimiterExceptionMapper(Duration.ofSeconds(30));
		this.runner.withBean("ownMapper", RateLimiterExceptionMapper.class, () -> own)
			.run((context) -> assertThat(context).getBean(RateLimiterExceptionMapper.class).isSameAs(own));
	}

	@Test
	void mappersRunAfterAugnoExceptionAndBeforeErrorResponse() {
		assertThat(new CircuitBreakerExceptionMapper().getOrder()).isGreaterThan(ExceptionMapper.SPRING_MVC_ORDER)
			.isLessThan(ExceptionMapper.ERROR_RESPONSE_ORDER);
	}

}
