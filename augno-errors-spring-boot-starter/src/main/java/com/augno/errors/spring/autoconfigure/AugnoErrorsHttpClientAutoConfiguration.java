package com.augno.errors.spring.autoconfigure;

import java.util.Set;

import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.client.DownstreamErrorHandler;
import com.augno.errors.spring.client.DownstreamErrorReader;
import com.augno.errors.spring.client.DownstreamIOExceptionInterceptor;
import com.augno.errors.spring.client.DownstreamResponseErrorHandler;
import com.augno.errors.spring.client.DownstreamRetryPolicy;
import com.augno.errors.spring.client.RequestIdInterceptor;
import com.augno.errors.spring.client.RequestIdExchangeFilter;
import com.augno.errors.spring.client.RestClientExceptionMapper;
import com.augno.errors.spring.client.WebClientDownstreamErrorHandler;
import com.augno.errors.spring.client.WebClientExceptionMapper;
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
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClientException;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of Spring's blocking HTTP clients: the mapper that answers failed
 * downstream calls (in a servlet web application), and, unless
 * {@code augno.errors.client.enabled=false}, a {@link DownstreamErrorHandler} and the
 * current request id on every {@code RestClient.Builder} and {@code RestTemplateBuilder}
 * of the application, and a {@link DownstreamRetryPolicy} bean for {@code RetryTemplate};
 * likewise for Spring WebFlux's {@code WebClient} and every {@code WebClient.Builder}.
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

	private static final String TRACER = "io.micrometer.tracing.Tracer";

	// Also reactive: a WebClient with the downstream error handler raises the same
	// DownstreamErrorException.
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnWebApplication
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
			return new DownstreamErrorHandler(reader(properties), Set.of());
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

	/**
	 * Whether Micrometer Tracing is in use: a {@code Tracer} bean other than Micrometer's
	 * no-op one, which Spring Boot registers when no tracer bridge is present and which
	 * propagates nothing. Asked when a builder is customized, after every configuration
	 * class has registered its beans, so that the order of auto-configurations does not
	 * matter.
	 */
	private static boolean isTracing(ConfigurableListableBeanFactory beanFactory) {
		return ClassUtils.isPresent(TRACER, beanFactory.getBeanClassLoader()) && RealTracer.isPresent(beanFactory);
	}

	private static DownstreamErrorReader reader(AugnoErrorsClientProperties properties) {
		return new DownstreamErrorReader((int) Math.min(Integer.MAX_VALUE - 1, properties.getMaxBodySize().toBytes()),
				properties.getMaxNestingDepth(), properties.getRequestIdHeader());
	}

	/**
	 * Spring WebFlux's {@code WebClient}: the mapper of its failures and, unless
	 * {@code augno.errors.client.enabled=false}, the downstream error handler and the
	 * request id on every {@code WebClient.Builder} of a Boot application.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	static class WebClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnWebApplication
		WebClientExceptionMapper augnoWebClientExceptionMapper() {
			return new WebClientExceptionMapper();
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.boot.webclient.WebClientCustomizer")
		@ConditionalOnBooleanProperty(name = "augno.errors.client.enabled", matchIfMissing = true)
		static class BootWebClientBuildersConfiguration {

			@Bean
			@ConditionalOnMissingBean
			WebClientDownstreamErrorHandler augnoWebClientDownstreamErrorHandler(
					AugnoErrorsClientProperties properties) {
				return new WebClientDownstreamErrorHandler(reader(properties), Set.of());
			}

			@Bean
			@ConditionalOnMissingBean
			@ConditionalOnBooleanProperty(name = "augno.errors.client.propagate-request-id", matchIfMissing = true)
			RequestIdExchangeFilter augnoRequestIdExchangeFilter(AugnoErrorsClientProperties properties) {
				return new RequestIdExchangeFilter(properties.getRequestIdHeader());
			}

			@Bean
			WebClientCustomizer augnoDownstreamWebClientCustomizer(WebClientDownstreamErrorHandler handler,
					ObjectProvider<RequestIdExchangeFilter> requestIds, ConfigurableListableBeanFactory beanFactory) {
				return (builder) -> {
					handler.applyTo(builder);
					if (!isTracing(beanFactory)) {
						requestIds.ifAvailable(builder::filter);
					}
				};
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.restclient.RestClientCustomizer")
	@ConditionalOnBooleanProperty(name = "augno.errors.client.enabled", matchIfMissing = true)
	static class BootClientBuildersConfiguration {

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
