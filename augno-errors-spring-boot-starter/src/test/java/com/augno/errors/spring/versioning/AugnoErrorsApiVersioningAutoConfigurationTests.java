package com.augno.errors.spring.versioning;

import java.time.DateTimeException;

import com.augno.errors.spring.autoconfigure.AugnoErrorsApiVersioningAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.mapping.SpringMvcExceptionMapper;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.web.accept.ApiVersionParser;
import org.springframework.web.accept.SemanticApiVersionParser;

import static org.assertj.core.api.Assertions.assertThat;

class AugnoErrorsApiVersioningAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AugnoErrorsAutoConfiguration.class, AugnoErrorsApiVersioningAutoConfiguration.class,
					JacksonAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
					WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class));

	@Test
	void isOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ApiVersionExceptionMapper.class)
			.doesNotHaveBean(ApiVersionParser.class));
	}

	@Test
	void definesTheDateParserAndAMapperBeforeSpringMvcsWhenEnabled() {
		this.contextRunner.withPropertyValues("augno.errors.api-version.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(DateApiVersionParser.class)
				.hasBean("augnoApiVersionParser")
				.hasBean("augnoApiVersionExceptionMapper")
				.hasBean("augnoVersionedMappings");
			assertThat(context.getBean(CompositeExceptionMapper.class).getMappers()).extracting(Object::getClass)
				.containsSubsequence(ApiVersionExceptionMapper.class, SpringMvcExceptionMapper.class);
		});
	}

	@Test
	void keepsTheApplicationsParser() {
		this.contextRunner
			.withPropertyValues("augno.errors.api-version.enabled=true", "augno.errors.api-version.supported=1.0,1.1")
			.withBean(SemanticApiVersionParser.class)
			.run((context) -> assertThat(context).hasSingleBean(ApiVersionParser.class)
				.doesNotHaveBean(DateApiVersionParser.class)
				.hasSingleBean(ApiVersionExceptionMapper.class));
	}

	@Test
	void failsStartupNamingThePropertiesForAVersionThatIsNotADate() {
		this.contextRunner
			.withPropertyValues("augno.errors.api-version.enabled=true", "augno.errors.api-version.minimum=2024-13-01")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("augno.errors.api-version.minimum: not an API version")
				.rootCause()
				.isInstanceOf(DateTimeException.class));
	}

	@Test
	void backsOffWithoutApiVersioningAndTheStarterStillStarts() {
		this.contextRunner.withPropertyValues("augno.errors.api-version.enabled=true")
			.withClassLoader(new FilteredClassLoader(ApiVersionParser.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ErrorResponseHandler.class)
				.doesNotHaveBean(ApiVersionExceptionMapper.class));
	}

	@Test
	void backsOffWhenErrorsAreDisabled() {
		this.contextRunner.withPropertyValues("augno.errors.enabled=false", "augno.errors.api-version.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(ApiVersionExceptionMapper.class)
				.doesNotHaveBean(DateApiVersionParser.class));
	}

}
