package com.augno.errors.spring.autoconfigure;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.ErrorType;
import com.augno.errors.spring.format.ErrorRenderer;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.mapping.ServerWebInputExceptionMapper;
import com.augno.errors.spring.reactive.AugnoErrorWebExceptionHandler;
import com.augno.errors.spring.reactive.RequestIdWebFilter;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import com.augno.errors.spring.web.ErrorLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.autoconfigure.error.DefaultErrorWebExceptionHandler;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive auto-configuration: the shared mapper chain with the WebFlux handler and
 * filter in a reactive application, nothing of it in a servlet one.
 */
class AugnoErrorsReactiveAutoConfigurationTests {

	private static final AutoConfigurations STARTER = AutoConfigurations.of(AugnoErrorsAutoConfiguration.class,
			AugnoErrorsFormatAutoConfiguration.class, AugnoErrorsReactiveAutoConfiguration.class,
			JacksonAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(STARTER);

	@Test
	void answersAReactiveApplicationThroughTheSharedChain() {
		this.reactive.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(AugnoErrorWebExceptionHandler.class)
				.hasSingleBean(RequestIdWebFilter.class)
				.hasSingleBean(ErrorRenderer.class)
				.hasSingleBean(CompositeExceptionMapper.class)
				.hasSingleBean(ErrorLogger.class)
				.hasSingleBean(ServerWebInputExceptionMapper.class)
				.doesNotHaveBean(ErrorResponseHandler.class);
			// At Spring Boot's own order, which it replaces: an application's handler at
			// -1 (registered first) or before still comes first.
			assertThat(context.getBean(AugnoErrorWebExceptionHandler.class).getOrder()).isEqualTo(-1);
		});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void logsTheOriginalFailureWhenBootsStructuredLoggingFormatsTheConsole(CapturedOutput output) {
		AugnoError error = new AugnoError("internal_error", ErrorType.API_ERROR, "Something went wrong.", null,
				"https://docs.augno.com/api/errors#internal_error", false, null, null);
		this.reactive.withPropertyValues("logging.structured.format.console=ecs")
			.run((context) -> context.getBean(ErrorLogger.class)
				.log("GET", "/items/it_crash", "rq_0", 500, error, new IllegalStateException("boom\nsecond line")));
		assertThat(output).doesNotContain("SanitizedFailure")
			.contains("java.lang.IllegalStateException: boom" + System.lineSeparator() + "second line");
	}

	@Test
	void buildsTheRegistryFromTheServicesCatalogue() {
		this.reactive.withConfiguration(AutoConfigurations.of(AugnoErrorsCatalogueAutoConfiguration.class))
			.withPropertyValues(
					"augno.errors.catalogue.location=classpath:com/augno/errors/spring/catalogue/extend.yaml")
			.run((context) -> {
				ErrorRegistry registry = context.getBean(ErrorRegistry.class);
				assertThat(registry.get("ledger_locked")).isEqualTo(ErrorCode.of("ledger_locked", 423,
						ErrorType.INVALID_REQUEST_ERROR, false, "The ledger is locked."));
				assertThat(registry.get("resource_not_found").message()).isEqualTo("Nothing here.");
			});
	}

	@Test
	void backsOffForTheApplicationsOwnHandler() {
		this.reactive.withUserConfiguration(OwnHandler.class)
			.run((context) -> assertThat(context).getBean(AugnoErrorWebExceptionHandler.class)
				.isSameAs(context.getBean(OwnHandler.class).handler));
	}

	@Test
	void backsOffForTheApplicationsOwnErrorWebExceptionHandlerAsBootsDoes() {
		this.reactive.withConfiguration(AutoConfigurations.of(ErrorWebFluxAutoConfiguration.class))
			.withUserConfiguration(ApplicationsHandler.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(AugnoErrorWebExceptionHandler.class)
				.doesNotHaveBean(DefaultErrorWebExceptionHandler.class)
				.getBean(ErrorWebExceptionHandler.class)
				.isSameAs(context.getBean(ApplicationsHandler.class).handler));
		this.reactive.withConfiguration(AutoConfigurations.of(ErrorWebFluxAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(AugnoErrorWebExceptionHandler.class)
				.doesNotHaveBean(DefaultErrorWebExceptionHandler.class));
	}

	@Test
	void configuresNothingWhenDisabledOrInAServletApplication() {
		this.reactive.withPropertyValues("augno.errors.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(AugnoErrorWebExceptionHandler.class)
				.doesNotHaveBean(CompositeExceptionMapper.class));
		new WebApplicationContextRunner().withConfiguration(STARTER)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ErrorResponseHandler.class)
				.doesNotHaveBean(AugnoErrorWebExceptionHandler.class)
				.doesNotHaveBean(RequestIdWebFilter.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationsHandler {

		final ErrorWebExceptionHandler handler = (exchange, ex) -> Mono.error(ex);

		@Bean
		ErrorWebExceptionHandler applicationsHandler() {
			return this.handler;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHandler {

		final AugnoErrorWebExceptionHandler handler;

		OwnHandler(CompositeExceptionMapper mappers, ErrorRenderer renderer, ErrorLogger logger) {
			this.handler = new AugnoErrorWebExceptionHandler(mappers, renderer, logger, () -> "rq_own", "Request-Id");
		}

		@Bean
		AugnoErrorWebExceptionHandler ownHandler() {
			return this.handler;
		}

	}

}
