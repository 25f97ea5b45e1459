package com.augno.errors.spring.client;

import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsHttpClientAutoConfiguration;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.client.RestClientException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link AugnoErrorsHttpClientAutoConfiguration} applies.
 */
class AugnoErrorsHttpClientAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AugnoErrorsAutoConfiguration.class, AugnoErrorsHttpClientAutoConfiguration.class));

	@Test
	void joinsTheMapperChainByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RestClientExceptionMapper.class)
				.hasBean("augnoRestClientExceptionMapper");
			assertThat(context.getBean(CompositeExceptionMapper.class).getMappers())
				.contains(context.getBean(RestClientExceptionMapper.class));
		});
	}

	@Test
	void isConditionalOnSpringWebClient() {
		this.runner.withClassLoader(new FilteredClassLoader(RestClientException.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CompositeExceptionMapper.class)
				.doesNotHaveBean(RestClientExceptionMapper.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("augno.errors.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RestClientExceptionMapper.class));
	}

	@Test
	void backsOffWhenUserDefinesTheMapper() {
		RestClientExceptionMapper own = new RestClientExceptionMapper();
		this.runner.withBean("ownMapper", RestClientExceptionMapper.class, () -> own)
			.run((context) -> assertThat(context).getBean(RestClientExceptionMapper.class).isSameAs(own));
	}

}
