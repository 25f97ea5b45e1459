package com.augno.errors.spring.tomcat;

import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsTomcatAutoConfiguration;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * When {@link AugnoErrorsTomcatAutoConfiguration} applies.
 */
class AugnoErrorsTomcatAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AugnoErrorsAutoConfiguration.class, AugnoErrorsTomcatAutoConfiguration.class));

	@Test
	void registersCustomizerByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(AugnoErrorsTomcatCustomizer.class)
			.hasBean("augnoErrorsTomcatCustomizer"));
	}

	@Test
	void registersMultipartMapperThatJoinsTheChain() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(TomcatMultipartExceptionMapper.class)
			.getBean(CompositeExceptionMapper.class)
			.satisfies((chain) -> assertThat(chain.getMappers())
				.hasAtLeastOneElementOfType(TomcatMultipartExceptionMapper.class)));
	}

	@Test
	void isConditionalOnTomcat() {
		this.runner.withClassLoader(new FilteredClassLoader(Tomcat.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AugnoErrorsTomcatCustomizer.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("augno.errors.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AugnoErrorsTomcatCustomizer.class));
	}

	@Test
	void backsOffWithoutErrorResponseHandler() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AugnoErrorsTomcatAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AugnoErrorsTomcatCustomizer.class));
	}

	@Test
	void backsOffWhenUserDefinesCustomizer() {
		AugnoErrorsTomcatCustomizer own = new AugnoErrorsTomcatCustomizer(mock(ErrorResponseHandler.class));
		this.runner.withBean("ownCustomizer", AugnoErrorsTomcatCustomizer.class, () -> own)
			.run((context) -> assertThat(context).getBean(AugnoErrorsTomcatCustomizer.class).isSameAs(own));
	}

}
