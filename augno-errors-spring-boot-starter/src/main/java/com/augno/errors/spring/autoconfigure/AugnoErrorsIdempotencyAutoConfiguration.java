package com.augno.errors.spring.autoconfigure;

import java.time.Duration;

import com.augno.errors.spring.idempotency.DefaultIdempotencyCallerResolver;
import com.augno.errors.spring.idempotency.IdempotencyCallerResolver;
import com.augno.errors.spring.idempotency.IdempotencyFilter;
import com.augno.errors.spring.idempotency.IdempotencyStore;
import com.augno.errors.spring.idempotency.InMemoryIdempotencyStore;
import com.augno.errors.spring.idempotency.RedisIdempotencyStore;
import com.augno.errors.spring.properties.AugnoErrorsIdempotencyProperties;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import io.lettuce.core.RedisClient;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Auto-configuration of idempotency keys, when {@code augno.errors.idempotency.enabled}
 * is set: the filter, the default caller resolver, and the store (in memory, or in Redis
 * on the application's Spring Data Redis connection factory with
 * {@code augno.errors.idempotency.store=redis}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AugnoErrorsAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("augno.errors.idempotency.enabled")
@ConditionalOnBean(ErrorResponseHandler.class)
@EnableConfigurationProperties(AugnoErrorsIdempotencyProperties.class)
public final class AugnoErrorsIdempotencyAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	IdempotencyCallerResolver augnoIdempotencyCallerResolver(AugnoErrorsIdempotencyProperties properties) {
		return new DefaultIdempotencyCallerResolver(properties.getCallerHeader());
	}

	@Bean
	@ConditionalOnMissingBean(IdempotencyStore.class)
	@ConditionalOnProperty(name = "augno.errors.idempotency.store", havingValue = "memory", matchIfMissing = true)
	InMemoryIdempotencyStore augnoInMemoryIdempotencyStore(AugnoErrorsIdempotencyProperties properties) {
		int maxEntries = properties.getMemory().getMaxEntries();
		if (maxEntries < 1) {
			throw new InvalidAugnoErrorsConfigurationException("augno.errors.idempotency.memory.max-entries",
					maxEntries, "must be at least 1",
					"Set augno.errors.idempotency.memory.max-entries to the most keys one instance keeps, such as "
							+ "10000.",
					null);
		}
		return new InMemoryIdempotencyStore(maxEntries);
	}

	@Bean
	@Fallback
	@ConditionalOnMissingBean(name = "augnoIdempotencyFilter")
	FilterRegistrationBean<IdempotencyFilter> augnoIdempotencyFilter(ObjectProvider<IdempotencyStore> stores,
			IdempotencyCallerResolver callerResolver, ErrorResponseHandler errorHandler,
			AugnoErrorsIdempotencyProperties properties) {
		checkPositive("augno.errors.idempotency.retention", properties.getRetention());
		checkPositive("augno.errors.idempotency.lock-timeout", properties.getLockTimeout());
		checkPositive("augno.errors.idempotency.redis.timeout", properties.getRedis().getTimeout());
		IdempotencyStore store = stores.getIfUnique();
		if (store == null) {
			throw new InvalidAugnoErrorsConfigurationException("augno.errors.idempotency.store", properties.getStore(),
					"no single IdempotencyStore bean is available",
					"With store=redis, add spring-boot-starter-data-redis (Lettuce) and configure spring.data.redis.*;"
							+ " or declare one IdempotencyStore bean of your own.",
					null);
		}
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyFilter(store, callerResolver, errorHandler, properties));
		registration.setOrder(properties.getFilterOrder());
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	private static void checkPositive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new InvalidAugnoErrorsConfigurationException(property, value, "must be positive",
					"Set " + property + " to a positive duration, such as 1m.", null);
		}
	}

	/**
	 * The Redis store, on the application's Lettuce connection factory.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ LettuceConnectionFactory.class, RedisClient.class })
	@ConditionalOnProperty(name = "augno.errors.idempotency.store", havingValue = "redis")
	static class RedisStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(IdempotencyStore.class)
		@ConditionalOnBean(RedisConnectionFactory.class)
		RedisIdempotencyStore augnoRedisIdempotencyStore(RedisConnectionFactory connectionFactory,
				AugnoErrorsIdempotencyProperties properties) {
			if (!(connectionFactory instanceof LettuceConnectionFactory lettuce)) {
				throw new InvalidAugnoErrorsConfigurationException("augno.errors.idempotency.store", "redis",
						"the Redis connection factory is a " + connectionFactory.getClass().getName()
								+ ", not Lettuce's",
						"Use Lettuce, Spring Boot's default Redis client (exclude Jedis), or declare an "
								+ "IdempotencyStore bean of your own.",
						null);
			}
			return new RedisIdempotencyStore(lettuce, properties.getRedis().getKeyPrefix(),
					properties.getRedis().getTimeout());
		}

	}

}
