package com.augno.errors.spring.autoconfigure;

import java.util.Set;

import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.client.DownstreamErrorHandler;
import com.augno.errors.spring.client.DownstreamErrorReader;
import com.augno.errors.spring.client.DownstreamResponseErrorHandler;
import com.augno.errors.spring.client.DownstreamRetryPolicy;
import com.augno.errors.spring.client.RequestIdExchangeFilter;
import com.augno.errors.spring.client.RequestIdInitializer;
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
import org.springframework.context.annotation.Fallback;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClientException;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of Spring's HTTP clients: the mappers that answer failed downstream
 * calls (in a web application) and, unless {@code augno.errors.client.enabled=false}, the
 * current request id on every {@code RestClient.Builder}, {@code RestTemplateBuilder} and
 * {@code WebClient.Builder} of the application, a {@link DownstreamErrorHandler} that
 * clients may install, and a {@link DownstreamRetryPolicy} bean for
 * {@code RetryTemplate}. The builders raise {@code DownstreamErrorException} only with
 * {@code augno.errors.client.raise-downstream-errors=true}: by default their clients
 * raise Spring's own exceptions, which the application's code may catch. Nothing is added
 * as a {@code ClientHttpRequestInterceptor}, which would make Spring hold every request
 * body in memory. With a Micrometer Tracing tracer (not the no-op one) the request id is
 * not sent: the tracing propagation of Spring Boot's instrumented builders carries the
 * trace instead, and Micrometer Tracing puts its trace id in the MDC.
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
		return new RestClientExceptionMapper(registry.getIfAvailable(), properties.getPassThroughCodes(),
				reader(properties));
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
		RequestIdInitializer augnoRequestIdInitializer(AugnoErrorsClientProperties properties) {
			return new RequestIdInitializer(properties.getRequestIdHeader());
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
	 * {@code augno.errors.client.enabled=false}, the request id (and with
	 * {@code augno.errors.client.raise-downstream-errors=true} the downstream error
	 * handler) on every {@code WebClient.Builder} of a Boot application.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	static class WebClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnWebApplication
		WebClientExceptionMapper augnoWebClientExceptionMapper(ObjectProvider<ErrorRegistry> registry,
				AugnoErrorsClientProperties properties) {
			return new WebClientExceptionMapper(registry.getIfAvailable(), properties.getPassThroughCodes(),
					reader(properties));
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
			@Fallback
			@ConditionalOnMissingBean
			@ConditionalOnBooleanProperty(name = "augno.errors.client.propagate-request-id", matchIfMissing = true)
			RequestIdExchangeFilter augnoRequestIdExchangeFilter(AugnoErrorsClientProperties properties) {
				return new RequestIdExchangeFilter(properties.getRequestIdHeader());
			}

			@Bean
			@Fallback
			WebClientCustomizer augnoDownstreamWebClientCustomizer(WebClientDownstreamErrorHandler handler,
					ObjectProvider<RequestIdExchangeFilter> requestIds, AugnoErrorsClientProperties properties,
					ConfigurableListableBeanFactory beanFactory) {
				return (builder) -> {
					if (properties.isRaiseDownstreamErrors()) {
						handler.applyTo(builder);
					}
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
		@Fallback
		RestClientCustomizer augnoDownstreamRestClientCustomizer(DownstreamErrorHandler handler,
				ObjectProvider<RequestIdInitializer> requestIds, AugnoErrorsClientProperties properties,
				ConfigurableListableBeanFactory beanFactory) {
			return (builder) -> {
				if (properties.isRaiseDownstreamErrors()) {
					handler.applyTo(builder);
				}
				if (!isTracing(beanFactory)) {
					requestIds.ifAvailable((initializer) -> initializer.applyTo(builder));
				}
			};
		}

		@Bean
		@Fallback
		RestTemplateCustomizer augnoDownstreamRestTemplateCustomizer(DownstreamErrorHandler handler,
				ObjectProvider<RequestIdInitializer> requestIds, AugnoErrorsClientProperties properties,
				ConfigurableListableBeanFactory beanFactory) {
			return (restTemplate) -> {
				if (properties.isRaiseDownstreamErrors()) {
					restTemplate.setErrorHandler(new DownstreamResponseErrorHandler(handler));
				}
				if (!isTracing(beanFactory)) {
					requestIds.ifAvailable((initializer) -> initializer.applyTo(restTemplate));
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
