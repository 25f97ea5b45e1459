package com.augno.errors.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import com.augno.errors.spring.properties.AugnoErrorsRateLimitProperties;
import com.augno.errors.spring.ratelimit.DefaultRateLimitKeyResolver;
import com.augno.errors.spring.ratelimit.InMemoryRateLimitStore;
import com.augno.errors.spring.ratelimit.RateLimitInterceptor;
import com.augno.errors.spring.ratelimit.RateLimitKeyResolver;
import com.augno.errors.spring.ratelimit.RateLimitPolicies;
import com.augno.errors.spring.ratelimit.RateLimitPolicy;
import com.augno.errors.spring.ratelimit.RateLimitPolicyResolver;
import com.augno.errors.spring.ratelimit.RateLimitStore;
import com.augno.errors.spring.ratelimit.RedisRateLimitStore;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration of the rate limits, when Bucket4j is on the classpath: the
 * interceptor that applies the routes of {@code augno.errors.rate-limits.routes} and the
 * {@code @RateLimit} handlers, and its bucket store, in memory or, with
 * {@code augno.errors.rate-limits.store=redis} and Bucket4j's Lettuce module, in Redis.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AugnoErrorsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Bucket.class)
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "augno.errors.rate-limits.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AugnoErrorsRateLimitProperties.class)
public final class AugnoErrorsRateLimitAutoConfiguration {

	/**
	 * Order of the rate-limit interceptor: before the application's interceptors, so that
	 * a refused request costs as little as possible.
	 */
	public static final int INTERCEPTOR_ORDER = -1000;

	@Bean
	@ConditionalOnMissingBean
	RateLimitPolicies augnoRateLimitPolicies(AugnoErrorsRateLimitProperties properties) {
		List<RateLimitPolicies.Route> routes = new ArrayList<>();
		List<AugnoErrorsRateLimitProperties.Route> configured = properties.getRoutes();
		for (int i = 0; i < configured.size(); i++) {
			AugnoErrorsRateLimitProperties.Route route = configured.get(i);
			String name = (route.getName() != null) ? route.getName() : "route-" + i;
			String property = "augno.errors.rate-limits.routes[" + i + "]";
			try {
				routes.add(RateLimitPolicies.Route.of(new RateLimitPolicy(name, route.getLimit(), route.getWindow()),
						route.getPaths(), route.getMethods()));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidAugnoErrorsConfigurationException(property, name, ex.getMessage(),
						"Give " + property + " a name, paths, a limit of at least 1 and a window of whole seconds.",
						null);
			}
		}
		return RateLimitPolicies.of(routes);
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitKeyResolver augnoRateLimitKeyResolver(AugnoErrorsRateLimitProperties properties) {
		return new DefaultRateLimitKeyResolver(properties.getApiKeyHeader());
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitPolicyResolver augnoRateLimitPolicyResolver() {
		return (policy, request) -> policy;
	}

	@Bean
	@Fallback
	@ConditionalOnMissingBean
	RateLimitInterceptor augnoRateLimitInterceptor(RateLimitPolicies policies, RateLimitKeyResolver keyResolver,
			RateLimitPolicyResolver policyResolver, RateLimitStore store, AugnoErrorsRateLimitProperties properties) {
		return new RateLimitInterceptor(policies, keyResolver, policyResolver, store, properties.getKeyPrefix(),
				properties.getOnStoreFailure());
	}

	@Bean
	@Fallback
	@ConditionalOnMissingBean(name = "augnoRateLimitWebMvcConfigurer")
	WebMvcConfigurer augnoRateLimitWebMvcConfigurer(RateLimitInterceptor interceptor) {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor).order(INTERCEPTOR_ORDER);
			}
		};
	}

	/**
	 * Fails startup when store=redis but Bucket4j's Lettuce module or Lettuce is missing,
	 * rather than limiting in memory on each instance unnoticed. Registered after the
	 * nested configurations, so only when none of them provided a store.
	 * @return never
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "augno.errors.rate-limits.store", havingValue = "redis")
	RateLimitStore augnoRateLimitStoreWithoutRedisClient() {
		throw new InvalidAugnoErrorsConfigurationException("augno.errors.rate-limits.store", "redis",
				"Bucket4j's Lettuce module (com.bucket4j:bucket4j_jdk17-lettuce) or Lettuce is not on the classpath",
				"Add com.bucket4j:bucket4j_jdk17-lettuce and io.lettuce:lettuce-core, or set "
						+ "augno.errors.rate-limits.store=memory.",
				null);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Bucket4jLettuce.class, RedisClient.class })
	@ConditionalOnProperty(name = "augno.errors.rate-limits.store", havingValue = "redis")
	static class RedisStoreConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		RateLimitStore augnoRateLimitStore(AugnoErrorsRateLimitProperties properties) {
			AugnoErrorsRateLimitProperties.Redis redis = properties.getRedis();
			return new RedisRateLimitStore(redis.getUrl(), redis.getTimeout());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "augno.errors.rate-limits.store", havingValue = "memory", matchIfMissing = true)
	static class InMemoryStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RateLimitStore augnoRateLimitStore(AugnoErrorsRateLimitProperties properties) {
			return new InMemoryRateLimitStore(properties.getMaxBuckets());
		}

	}

}
