package com.augno.errors.spring.ratelimit;

import java.time.Duration;

import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsRateLimitAutoConfiguration;
import com.augno.errors.spring.autoconfigure.InvalidAugnoErrorsConfigurationException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link AugnoErrorsRateLimitAutoConfiguration} applies, and with which store.
 */
class AugnoErrorsRateLimitAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AugnoErrorsAutoConfiguration.class, AugnoErrorsRateLimitAutoConfiguration.class));

	@Test
	void keepsBucketsInMemoryByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(RateLimitInterceptor.class)
			.hasSingleBean(DefaultRateLimitKeyResolver.class)
			.getBean(RateLimitStore.class)
			.isInstanceOf(InMemoryRateLimitStore.class));
	}

	@Test
	void keepsBucketsInRedisByOneProperty() {
		// A closed port: the store starts anyway and fails only the requests.
		this.runner
			.withPropertyValues("augno.errors.rate-limits.store=redis",
					"augno.errors.rate-limits.redis.url=redis://127.0.0.1:1",
					"augno.errors.rate-limits.redis.timeout=200ms")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(RateLimitStore.class)
				.isInstanceOf(RedisRateLimitStore.class));
	}

	@Test
	void redisStoreWithoutBucket4jLettuceModuleFailsStartup() {
		this.runner.withClassLoader(new FilteredClassLoader(Bucket4jLettuce.class))
			.withPropertyValues("augno.errors.rate-limits.store=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidAugnoErrorsConfigurationException.class)
				.hasMessageContaining("augno.errors.rate-limits.store")
				.hasMessageContaining("bucket4j_jdk17-lettuce"));
	}

	@Test
	void isConditionalOnBucket4j() {
		this.runner.withClassLoader(new FilteredClassLoader(Bucket.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RateLimitInterceptor.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("augno.errors.rate-limits.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RateLimitInterceptor.class));
		this.runner.withPropertyValues("augno.errors.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RateLimitInterceptor.class));
	}

	@Test
	void backsOffForTheApplicationsOwnBeans() {
		RateLimitStore store = (key, policy) -> new RateLimitProbe(true, 1, Duration.ZERO, Duration.ZERO);
		RateLimitKeyResolver resolver = (request) -> "tenant:1";
		this.runner.withBean("ownStore", RateLimitStore.class, () -> store)
			.withBean("ownResolver", RateLimitKeyResolver.class, () -> resolver)
			.run((context) -> {
				assertThat(context).getBean(RateLimitStore.class).isSameAs(store);
				assertThat(context).getBean(RateLimitKeyResolver.class).isSameAs(resolver);
			});
	}

	@Test
	void aRouteWithoutALimitFailsStartupNamingTheProperty() {
		this.runner
			.withPropertyValues("augno.errors.rate-limits.routes[0].name=search",
					"augno.errors.rate-limits.routes[0].paths=/search")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidAugnoErrorsConfigurationException.class)
				.hasMessageContaining("augno.errors.rate-limits.routes[0]")
				.hasMessageContaining("at least 1 request"));
		this.runner
			.withPropertyValues("augno.errors.rate-limits.routes[0].limit=5",
					"augno.errors.rate-limits.routes[0].window=500ms", "augno.errors.rate-limits.routes[0].paths=/a")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("window of whole seconds"));
	}

}
