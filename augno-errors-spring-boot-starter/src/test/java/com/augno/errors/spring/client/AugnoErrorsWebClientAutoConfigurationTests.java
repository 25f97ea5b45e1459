package com.augno.errors.spring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.augno.errors.spring.autoconfigure.AugnoErrorsHttpClientAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsReactiveAutoConfiguration;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * When {@link AugnoErrorsHttpClientAutoConfiguration} applies to {@code WebClient} in a
 * reactive application.
 */
class AugnoErrorsWebClientAutoConfigurationTests {

	private static final String NOT_FOUND = """
			{"error":{"code":"resource_not_found","type":"invalid_request_error","message":"Label not found.",
			"param":null,"doc_url":null,"is_transient":false,"quota":null,"request_log_url":null}}""";

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AugnoErrorsReactiveAutoConfiguration.class,
				AugnoErrorsHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class));

	@Test
	void bothClientMappersJoinTheReactiveMapperChain() {
		this.runner.run((context) -> assertThat(context.getBean(CompositeExceptionMapper.class).getMappers()).contains(
				context.getBean(WebClientExceptionMapper.class), context.getBean(RestClientExceptionMapper.class)));
	}

	@Test
	void bootsWebClientBuilderGetsTheRequestIdFilter() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(WebClientDownstreamErrorHandler.class)
				.hasBean("augnoDownstreamWebClientCustomizer");
			assertThat(filters(context)).hasAtLeastOneElementOfType(RequestIdExchangeFilter.class);
		});
	}

	@Test
	void bootsWebClientBuilderKeepsSpringsOwnExceptionsByDefault() {
		this.runner.run((context) -> assertThatExceptionOfType(WebClientResponseException.NotFound.class)
			.isThrownBy(() -> getNotFound(context.getBean(WebClient.Builder.class)))
			.satisfies((ex) -> assertThat(ex.getResponseBodyAsString()).isEqualTo(NOT_FOUND)));
	}

	@Test
	void raiseDownstreamErrorsGivesBootsWebClientBuilderTheHandler() {
		this.runner.withPropertyValues("augno.errors.client.raise-downstream-errors=true")
			.run((context) -> assertThatExceptionOfType(DownstreamErrorException.class)
				.isThrownBy(() -> getNotFound(context.getBean(WebClient.Builder.class)))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("resource_not_found")));
	}

	@Test
	void propagatingTheRequestIdCanBeTurnedOff() {
		this.runner.withPropertyValues("augno.errors.client.propagate-request-id=false").run((context) -> {
			assertThat(context).doesNotHaveBean(RequestIdExchangeFilter.class)
				.hasSingleBean(WebClientDownstreamErrorHandler.class);
			assertThat(filters(context)).noneMatch(RequestIdExchangeFilter.class::isInstance);
		});
	}

	@Test
	void theBuildersAreLeftAloneWhenTheClientSupportIsDisabled() {
		this.runner.withPropertyValues("augno.errors.client.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(WebClientExceptionMapper.class)
				.doesNotHaveBean(WebClientDownstreamErrorHandler.class)
				.doesNotHaveBean(RequestIdExchangeFilter.class)
				.doesNotHaveBean(WebClientCustomizer.class));
	}

	@Test
	void tracingCarriesTheTraceInsteadOfTheRequestId() {
		this.runner.withBean(Tracer.class, () -> mock(Tracer.class))
			.run((context) -> assertThat(filters(context)).noneMatch(RequestIdExchangeFilter.class::isInstance));
	}

	@Test
	void noOpTracerLeavesTheRequestIdInPlace() {
		this.runner.withBean(Tracer.class, () -> Tracer.NOOP)
			.run((context) -> assertThat(filters(context)).anyMatch(RequestIdExchangeFilter.class::isInstance));
	}

	@Test
	void isConditionalOnWebClient() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(RestClientExceptionMapper.class)
				.doesNotHaveBean(WebClientExceptionMapper.class));
	}

	/**
	 * Call a downstream that answers 404 with an envelope, through a client of the
	 * builder.
	 */
	private static void getNotFound(WebClient.Builder builder) {
		builder
			.exchangeFunction((request) -> Mono.just(ClientResponse.create(HttpStatus.NOT_FOUND)
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.body(NOT_FOUND)
				.build()))
			.build()
			.get()
			.uri("http://downstream/terms/t9")
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(5));
	}

	private static List<ExchangeFilterFunction> filters(AssertableReactiveWebApplicationContext context) {
		List<ExchangeFilterFunction> filters = new ArrayList<>();
		context.getBean(WebClient.Builder.class).filters(filters::addAll);
		return filters;
	}

}
