package com.augno.errors.spring.codes;

import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsCodeVerificationAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A misspelt code constant in the application's own classes fails startup by default,
 * naming the code, where it is used and the code probably meant
 * ({@code augno.errors.verify-codes}). gh-12
 */
@ExtendWith(OutputCaptureExtension.class)
class AugnoErrorsCodeVerificationAutoConfigurationTests {

	private static final String MISSPELT = "com.augno.errors.spring.codes.misspelt";

	private static final String REGISTERED = "com.augno.errors.spring.codes.registered";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AugnoErrorsAutoConfiguration.class,
				AugnoErrorsCodeVerificationAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void failsStartupOnAnUnknownCodeByDefault() {
		this.contextRunner
			.withInitializer((context) -> AutoConfigurationPackages
				.register((BeanDefinitionRegistry) context.getBeanFactory(), MISSPELT))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("Unknown error codes passed to AugnoException.of:")
					.hasMessageContaining("'shiping_term_not_found' at com.augno.errors.spring.codes.misspelt."
							+ "ShippingTermController.find(ShippingTermController.java:11)")
					.hasMessageContaining("'resouce_not_found' at com.augno.errors.spring.codes.misspelt."
							+ "ShippingTermController.delete(ShippingTermController.java:15) "
							+ "(did you mean 'resource_not_found'?)")
					.hasMessageContaining("augno.errors.verify-codes=warn");
			});
	}

	@Test
	void warnsInsteadWhenAskedTo(CapturedOutput output) {
		this.contextRunner.withPropertyValues("augno.errors.verify-codes=warn")
			.withInitializer((context) -> AutoConfigurationPackages
				.register((BeanDefinitionRegistry) context.getBeanFactory(), MISSPELT))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("WARN")
					.contains("'shiping_term_not_found' at com.augno.errors.spring.codes.misspelt."
							+ "ShippingTermController.find(ShippingTermController.java:11)");
			});
	}

	@Test
	void skipsTheCheckWhenOff(CapturedOutput output) {
		this.contextRunner.withPropertyValues("augno.errors.verify-codes=off")
			.withInitializer((context) -> AutoConfigurationPackages
				.register((BeanDefinitionRegistry) context.getBeanFactory(), MISSPELT))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("shiping_term_not_found");
			});
	}

	@Test
	void acceptsBuiltInAndConfiguredCodes() {
		this.contextRunner
			.withPropertyValues("augno.errors.codes.ledger_locked.status=423",
					"augno.errors.codes.ledger_locked.message=The ledger is locked.")
			.withInitializer((context) -> AutoConfigurationPackages
				.register((BeanDefinitionRegistry) context.getBeanFactory(), REGISTERED))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ErrorCodeVerifier.class));
	}

	@Test
	void aCodeTheServiceDidNotConfigureFailsStartup() {
		this.contextRunner
			.withInitializer((context) -> AutoConfigurationPackages
				.register((BeanDefinitionRegistry) context.getBeanFactory(), REGISTERED))
			.run((context) -> assertThat(context.getStartupFailure())
				.hasMessageContaining(
						"'ledger_locked' at com.augno.errors.spring.codes.registered.LedgerController.lock(")
				.hasMessageNotContaining("resource_not_found")
				.hasMessageNotContaining("external_service_error"));
	}

	@Test
	void startsWithoutAutoConfigurationPackages() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
	}

}
