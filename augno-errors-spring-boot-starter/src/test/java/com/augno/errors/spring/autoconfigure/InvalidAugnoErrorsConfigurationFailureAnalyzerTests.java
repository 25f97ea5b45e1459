package com.augno.errors.spring.autoconfigure;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A mistake in {@code augno.errors.*} fails startup with Spring Boot's failure report:
 * the property, its value, the reason and the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidAugnoErrorsConfigurationFailureAnalyzerTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AugnoErrorsAutoConfiguration.class, AugnoErrorsApiVersioningAutoConfiguration.class,
					JacksonAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
					WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class));

	static Stream<Arguments> mistakes() {
		return Stream.of(
				Arguments.of("augno.errors.exceptions[java.lang.IllegalStateException]=resource_notfound",
						"augno.errors.exceptions[java.lang.IllegalStateException]", "\"resource_notfound\"",
						"did you mean 'resource_not_found'?", "registered code"),
				Arguments.of("augno.errors.exceptions[com.example.Missing]=timeout",
						"augno.errors.exceptions[com.example.Missing]", "\"timeout\"",
						"no class com.example.Missing on the classpath", "fully qualified name"),
				Arguments.of("augno.errors.codes.ledger_locked.status=700", "augno.errors.codes.ledger_locked.status",
						"\"700\"", "needs a status from 400 to 599", "Set augno.errors.codes.ledger_locked.status"),
				Arguments.of("augno.errors.codes.ledger_locked.status=423", "augno.errors.codes.ledger_locked.message",
						"(not set)", "needs a message", "Set augno.errors.codes.ledger_locked.message"),
				Arguments.of("augno.errors.codes.resource_not_found.status=410",
						"augno.errors.codes.resource_not_found.status", "\"410\"", "'resource_not_found' is built in",
						"Remove augno.errors.codes.resource_not_found.status"),
				Arguments.of("augno.errors.doc-urls.resource_notfound=https://x",
						"augno.errors.doc-urls.resource_notfound", "\"https://x\"", "did you mean", "registered code"),
				Arguments.of("augno.errors.request-log-url-template=https://logs.example.com/",
						"augno.errors.request-log-url-template", "\"https://logs.example.com/\"",
						"no {request_id} placeholder", "Put {request_id} where the request id goes"),
				Arguments.of("augno.errors.logging.stack-trace-interval=-1s",
						"augno.errors.logging.stack-trace-interval", "\"PT-1S\"", "must be zero or positive",
						"0 to log every stack trace"),
				Arguments.of("augno.errors.api-version.minimum=2024-13-01", "augno.errors.api-version.minimum",
						"\"2024-13-01\"", "not an API version", "dates such as 2024-06-01"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mistakes")
	void reportsThePropertyItsValueAndTheFix(String setting, String property, String value, String reason,
			String action) {
		this.contextRunner.withPropertyValues(setting, "augno.errors.api-version.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidAugnoErrorsConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("Property: " + property)
				.contains("Value: " + value)
				.contains("Reason: ")
				.contains(reason);
			assertThat(analysis.getAction()).contains(action);
		});
	}

	@Test
	void failsTheStartOfARealServerWithTheReportInsteadOfAStackTrace(CapturedOutput output) {
		SpringApplication application = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "augno.errors.codes.ledger_locked.status=700",
					"augno.errors.codes.ledger_locked.message=The ledger is locked.")
			.build();
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: augno.errors.codes.ledger_locked.status")
			.contains("Value: \"700\"")
			.contains("Set augno.errors.codes.ledger_locked.status to the HTTP status of the code")
			.doesNotContain("\tat ");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
