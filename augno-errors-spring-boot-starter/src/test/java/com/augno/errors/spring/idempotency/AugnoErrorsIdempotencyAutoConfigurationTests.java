package com.augno.errors.spring.idempotency;

import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsIdempotencyAutoConfiguration;
import com.augno.errors.spring.autoconfigure.InvalidAugnoErrorsConfigurationException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idempotency auto-configuration: off unless enabled, the in-memory store by default,
 * Redis by one property, a store of the application's own, and its startup checks.
 */
class AugnoErrorsIdempotencyAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AugnoErrorsAutoConfiguration.class,
				AugnoErrorsIdempotencyAutoConfiguration.class, DataRedisAutoConfiguration.class,
				JacksonAutoConfiguration.class, DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
				ErrorMvcAutoConfiguration.class));

	@Test
	void isOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(IdempotencyStore.class)
			.doesNotHaveBean("augnoIdempotencyFilter"));
	}

	@Test
	void enabledItFiltersAfterSpringSecurityOnTheInMemoryStore() {
		this.contextRunner.withPropertyValues("augno.errors.idempotency.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(InMemoryIdempotencyStore.class)
				.hasSingleBean(DefaultIdempotencyCallerResolver.class);
			FilterRegistrationBean<?> registration = context.getBean("augnoIdempotencyFilter",
					FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(IdempotencyFilter.class);
			// Spring Security's filter chain is at -100, the request id filter first.
			assertThat(registration.getOrder()).isEqualTo(-90);
		});
	}

	@Test
	void theFilterOrderIsAProperty() {
		this.contextRunner
			.withPropertyValues("augno.errors.idempotency.enabled=true", "augno.errors.idempotency.filter-order=5")
			.run((context) -> assertThat(
					context.getBean("augnoIdempotencyFilter", FilterRegistrationBean.class).getOrder())
				.isEqualTo(5));
	}

	@Test
	void oneBoundPropertyMovesTheStoreToRedis() {
		this.contextRunner
			.withPropertyValues("augno.errors.idempotency.enabled=true", "augno.errors.idempotency.store=redis")
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisIdempotencyStore.class)
					.doesNotHaveBean(InMemoryIdempotencyStore.class)
					.hasSingleBean(LettuceConnectionFactory.class);
			});
	}

	@Test
	void redisWithoutSpringDataRedisFailsStartupSayingWhatToAdd() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("augno.errors.idempotency.enabled=true", "augno.errors.idempotency.store=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidAugnoErrorsConfigurationException.class)
				.hasMessageContaining("augno.errors.idempotency.store: no single IdempotencyStore bean"));
	}

	@Test
	void aStoreOfTheApplicationsOwnWins() {
		this.contextRunner.withUserConfiguration(OwnStore.class)
			.withPropertyValues("augno.errors.idempotency.enabled=true", "augno.errors.idempotency.store=redis")
			.run((context) -> assertThat(context).getBean(IdempotencyStore.class)
				.isSameAs(context.getBean("ownStore")));
	}

	@Test
	void aLockTimeoutOfZeroFailsStartup() {
		this.contextRunner
			.withPropertyValues("augno.errors.idempotency.enabled=true", "augno.errors.idempotency.lock-timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("augno.errors.idempotency.lock-timeout: must be positive"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStore {

		@Bean
		IdempotencyStore ownStore() {
			return new InMemoryIdempotencyStore(1);
		}

	}

}
