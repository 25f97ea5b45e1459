package com.augno.errors.spring.micrometer;

import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsFormatAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsMicrometerAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsReactiveAutoConfiguration;
import com.augno.errors.spring.reactive.AugnoErrorWebExceptionHandler;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class AugnoErrorsMicrometerAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AugnoErrorsAutoConfiguration.class, AugnoErrorsMicrometerAutoConfiguration.class,
					JacksonAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
					WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class));

	@Test
	void countsErrorsTheHandlerAnswersWhenAMeterRegistryExists() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(ErrorMetricsListener.class).hasBean("augnoErrorMetricsListener");
			MockHttpServletResponse response = new MockHttpServletResponse();
			context.getBean(ErrorResponseHandler.class)
				.handle(new MockHttpServletRequest("GET", "/boom"), response, new IllegalStateException("boom"));
			assertThat(response.getStatus()).isEqualTo(500);
			assertThat(context.getBean(MeterRegistry.class)
				.get(ErrorMetricsListener.METER_NAME)
				.tags("code", "internal_error", "type", "api_error", "status", "500")
				.counter()
				.count()).isEqualTo(1.0);
		});
	}

	@Test
	void countsErrorsTheReactiveHandlerAnswers() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AugnoErrorsAutoConfiguration.class,
					AugnoErrorsFormatAutoConfiguration.class, AugnoErrorsReactiveAutoConfiguration.class,
					AugnoErrorsMicrometerAutoConfiguration.class, JacksonAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ErrorMetricsListener.class);
				MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/boom"));
				context.getBean(AugnoErrorWebExceptionHandler.class)
					.handle(exchange, new IllegalStateException("boom"))
					.block();
				assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(500);
				assertThat(context.getBean(MeterRegistry.class)
					.get(ErrorMetricsListener.METER_NAME)
					.tags("code", "internal_error", "type", "api_error", "status", "500")
					.counter()
					.count()).isEqualTo(1.0);
			});
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(ErrorResponseHandler.class)
			.doesNotHaveBean(ErrorMetricsListener.class));
	}

	@Test
	void backsOffWithoutMicrometerAndTheStarterStillStarts() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ErrorResponseHandler.class)
				.doesNotHaveBean(ErrorMetricsListener.class));
	}

	@Test
	void backsOffWhenErrorsAreDisabled() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("augno.errors.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ErrorMetricsListener.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesTheListener() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withBean("myListener", ErrorMetricsListener.class,
					() -> new ErrorMetricsListener(new SimpleMeterRegistry()))
			.run((context) -> assertThat(context).hasSingleBean(ErrorMetricsListener.class).hasBean("myListener"));
	}

}
