package com.augno.errors.spring.jetty;

import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsJettyAutoConfiguration;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * When {@link AugnoErrorsJettyAutoConfiguration} applies.
 */
class AugnoErrorsJettyAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AugnoErrorsAutoConfiguration.class, AugnoErrorsJettyAutoConfiguration.class));

	@Test
	void registersCustomizerByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(AugnoErrorsJettyCustomizer.class)
			.hasBean("augnoErrorsJettyCustomizer"));
	}

	@Test
	void isConditionalOnJetty() {
		this.runner.withClassLoader(new FilteredClassLoader(Server.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AugnoErrorsJettyCustomizer.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("augno.errors.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AugnoErrorsJettyCustomizer.class));
	}

	@Test
	void backsOffWithoutErrorResponseHandler() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AugnoErrorsJettyAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AugnoErrorsJettyCustomizer.class));
	}

	@Test
	void backsOffWhenUserDefinesCustomizer() {
		AugnoErrorsJettyCustomizer own = new AugnoErrorsJettyCustomizer(mock(AugnoJettyErrorHandler.class));
		this.runner.withBean("ownCustomizer", AugnoErrorsJettyCustomizer.class, () -> own)
			.run((context) -> assertThat(context).getBean(AugnoErrorsJettyCustomizer.class).isSameAs(own));
	}

}
