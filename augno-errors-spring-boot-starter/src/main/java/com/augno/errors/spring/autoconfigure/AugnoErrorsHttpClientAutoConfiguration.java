package com.augno.errors.spring.autoconfigure;

import java.util.Set;

import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.client.DownstreamErrorHandler;
import com.augno.errors.spring.client.DownstreamErrorReader;
import com.augno.errors.spring.client.DownstreamIOExceptionInterceptor;
import com.augno.errors.spring.client.DownstreamResponseErrorHandler;
import com.augno.errors.spring.client.DownstreamRetryPolicy;
import com.augno.errors.spring.client.RequestIdInterceptor;
import com.augno.errors.spring.client.RestClientExceptionMapper;
import com.augno.errors.spring.properties.AugnoErrorsClientProperties;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClientException;

/**
 * Auto-configuration of Spring's blocking HTTP clients: the mapper that answers failed
 * downstream calls (in a servlet web application), and, unless
 * {@code augno.errors.client.enabled=false}, a {@link DownstreamErrorHandler} and the
 * current request id on every {@code RestClient.Builder} and {@code RestTemplateBuilder}
 * of the application, and a {@link DownstreamRetryPolicy} bean for {@code RetryTemplate}.
 * With a Micrometer Tracing tracer (not the no-op one) the request id is not sent: the
 * tracing propagation of Spring Boot's instrumented builders carries the trace instead,
 * and Micrometer Tracing puts its trace id in the MDC.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AugnoErrorsAutoConfiguration.class)
@ConditionalOnClass(RestClientException.class)
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AugnoErrorsClientProperties.class)
public final class AugnoErrorsHttpClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	RestClientExceptionMapper augnoRestClientExceptionMapper(ObjectProvider<ErrorRegistry> registry,
			AugnoErrorsClientProperties properties) {
		return new RestClientExceptionMapper(registry.getIfAvailable(), properties.getPassThroughCodes());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "augno.errors.client.enabled", matchIfMissing = true)
	static class DownstreamClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DownstreamErrorHandler augnoDownstreamErrorHandler(AugnoErrorsClientProperties properties) {
			DownstreamErrorReader reader = new DownstreamErrorReader(
					(int) Math.min(Integer.MAX_VALUE - 1, properties.getMaxBodySize().toBytes()),
					properties.getMaxNestingDepth(), properties.getRequestIdHeader());
			return new DownstreamErrorHandler(reader, Set.of());
		}

		@Bean
		@ConditionalOnMissingBean
		DownstreamRetryPolicy augnoDownstreamRetryPolicy(AugnoErrorsClientProperties properties) {
			AugnoErrorsClientProperties.Retry retry = properties.getRetry();
			return new DownstreamRetryPolicy(retry.getMaxAttempts(), retry.getInitialDelay(), retry.getMultiplier(),
					retry.getMaxDelay(), retry.getJitter(), retry.getMaxRetryAfter());
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "augno.errors.client.propagate-request-id", matchIfMissing = true)
		RequestIdInterceptor augnoRequestIdInterceptor(AugnoErrorsClientProperties properties) {
			return new RequestIdInterceptor(properties.getRequestIdHeader());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.restclient.RestClientCustomizer")
	@ConditionalOnBooleanProperty(name = "augno.errors.client.enabled", matchIfMissing = true)
	static class BootClientBuildersConfiguration {

		private static final String TRACER = "io.micrometer.tracing.Tracer";

		@Bean
		RestClientCustomizer augnoDownstreamRestClientCustomizer(DownstreamErrorHandler handler,
				ObjectProvider<RequestIdInterceptor> requestIds, ConfigurableListableBeanFactory beanFactory) {
			return (builder) -> {
				handler.applyTo(builder);
				if (!isTracing(beanFactory)) {
					requestIds.ifAvailable(builder::requestInterceptor);
				}
			};
		}

		@Bean
		RestTemplateCustomizer augnoDownstreamRestTemplateCustomizer(DownstreamErrorHandler handler,
				ObjectProvider<RequestIdInterceptor> requestIds, ConfigurableListableBeanFactory beanFactory) {
			return (restTemplate) -> {
				restTemplate.setErrorHandler(new DownstreamResponseErrorHandler(handler));
				restTemplate.getInterceptors().add(new DownstreamIOExceptionInterceptor());
				if (!isTracing(beanFactory)) {
					requestIds.ifAvailable(restTemplate.getInterceptors()::add);
				}
			};
		}

		/**
		 * Whether Micrometer Tracing is in use: a {@code Tracer} bean other than
		 * Micrometer's no-op one, which Spring Boot registers when no tracer bridge is
		 * present and which propagates nothing. Asked when a builder is customized, after
		 * every configuration class has registered its beans, so that the order of
		 * auto-configurations does not matter.
		 */
		private static boolean isTracing(ConfigurableListableBeanFactory beanFactory) {
			return ClassUtils.isPresent(TRACER, beanFactory.getBeanClassLoader()) && RealTracer.isPresent(beanFactory);
		}

	}

	/**
	 * Looks at the {@code Tracer} beans, in a class of its own so that Micrometer Tracing
	 * stays optional.
	 */
	private static final class RealTracer {

		private RealTracer() {
		}

		static boolean isPresent(ListableBeanFactory beanFactory) {
			return beanFactory.getBeanProvider(Tracer.class).stream().anyMatch((tracer) -> tracer != Tracer.NOOP);
		}

	}

}
