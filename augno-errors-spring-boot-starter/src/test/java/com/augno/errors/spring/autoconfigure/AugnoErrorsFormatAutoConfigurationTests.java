package com.augno.errors.spring.autoconfigure;

import com.augno.errors.spring.format.AugnoErrorFormat;
import com.augno.errors.spring.format.ErrorBody;
import com.augno.errors.spring.format.ErrorFormat;
import com.augno.errors.spring.format.ErrorFormats;
import com.augno.errors.spring.format.ErrorMessages;
import com.augno.errors.spring.format.ProblemDetailsErrorFormat;
import com.augno.errors.spring.format.ResolvedError;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AugnoErrorsFormatAutoConfiguration}: the default format,
 * {@code augno.errors.format}, a service's own format bean, and a name no format has.
 */
class AugnoErrorsFormatAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AugnoErrorsFormatAutoConfiguration.class, AugnoErrorsAutoConfiguration.class,
					JacksonAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
					WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class));

	@Test
	void theAugnoEnvelopeIsTheDefaultWithoutNegotiation() {
		this.contextRunner.run((context) -> {
			ErrorFormats formats = context.getBean(ErrorFormats.class);
			assertThat(formats.defaultFormat()).isInstanceOf(AugnoErrorFormat.class);
			assertThat(formats.names()).containsExactly("augno", "problem");
			assertThat(formats.select("application/problem+json")).isInstanceOf(AugnoErrorFormat.class);
			assertThat(context).hasSingleBean(ErrorMessages.class);
		});
	}

	@Test
	void problemDetailsByProperty() {
		this.contextRunner.withPropertyValues("augno.errors.format=problem")
			.run((context) -> assertThat(context.getBean(ErrorFormats.class).defaultFormat())
				.isInstanceOf(ProblemDetailsErrorFormat.class));
	}

	@Test
	void negotiationByProperty() {
		this.contextRunner.withPropertyValues("augno.errors.format-negotiation=true")
			.run((context) -> assertThat(context.getBean(ErrorFormats.class).select("application/problem+json"))
				.isInstanceOf(ProblemDetailsErrorFormat.class));
	}

	@Test
	void aServicesOnlyFormatBeanIsTheDefault() {
		this.contextRunner.withUserConfiguration(OwnFormat.class).run((context) -> {
			ErrorFormats formats = context.getBean(ErrorFormats.class);
			assertThat(formats.defaultFormat()).isSameAs(context.getBean(ErrorFormat.class));
			assertThat(formats.names()).containsExactly("augno", "problem", "own");
		});
	}

	@Test
	void thePropertyChoosesAmongTheServicesFormats() {
		this.contextRunner.withUserConfiguration(OwnFormat.class)
			.withPropertyValues("augno.errors.format=augno")
			.run((context) -> assertThat(context.getBean(ErrorFormats.class).defaultFormat())
				.isInstanceOf(AugnoErrorFormat.class));
	}

	@Test
	void theHandlerUsesTheFormats() {
		this.contextRunner.withUserConfiguration(OwnFormat.class)
			.run((context) -> assertThat(context.getBean(com.augno.errors.spring.servlet.ErrorResponseHandler.class))
				.extracting("renderer.formats")
				.isSameAs(context.getBean(ErrorFormats.class)));
	}

	@Test
	void anUnknownFormatFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("augno.errors.format=rfc9457").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidAugnoErrorsConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("Property: augno.errors.format")
				.contains("Value: \"rfc9457\"")
				.contains("no error format named 'rfc9457'; the formats are [augno, problem]");
			assertThat(analysis.getAction()).contains("Set augno.errors.format to augno, problem, or the name()");
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnFormats() {
		this.contextRunner.withBean(ErrorFormats.class, ErrorFormats::augno)
			.withPropertyValues("augno.errors.format=nonexistent")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ErrorFormats.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnFormat {

		@Bean
		ErrorFormat ownFormat() {
			return new ErrorFormat() {
				@Override
				public String name() {
					return "own";
				}

				@Override
				public ErrorBody render(ResolvedError error) {
					return ErrorBody.json(("{\"own\":\"" + error.code() + "\"}").getBytes(), new HttpHeaders());
				}
			};
		}

	}

}
