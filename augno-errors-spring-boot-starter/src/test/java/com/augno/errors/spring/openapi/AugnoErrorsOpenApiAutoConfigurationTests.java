package com.augno.errors.spring.openapi;

import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsCodeVerificationAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsOpenApiAutoConfiguration;
import com.augno.errors.spring.security.SecurityFilterChainOperationAccess;
import com.augno.errors.spring.servlet.DeclaredErrorCodesVerifier;
import com.augno.errors.spring.web.PossibleErrors;
import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the OpenAPI integration applies, and the startup check of the codes handlers
 * declare with {@link PossibleErrors}.
 */
class AugnoErrorsOpenApiAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AugnoErrorsAutoConfiguration.class,
				AugnoErrorsCodeVerificationAutoConfiguration.class, AugnoErrorsOpenApiAutoConfiguration.class,
				JacksonAutoConfiguration.class, WebMvcAutoConfiguration.class))
		.withPropertyValues("augno.errors.verify-codes=off");

	@Test
	void customizesTheDocumentWhenSpringdocIsPresent() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ErrorCodesOperationCustomizer.class)
				.hasSingleBean(ErrorResponsesOpenApiCustomizer.class)
				.hasSingleBean(OperationErrorRules.class)
				.hasSingleBean(ErrorResponses.class)
				.hasSingleBean(SecurityFilterChainOperationAccess.class);
		});
	}

	@Test
	void anApplicationsOwnCustomizersStillInjectByTheirType() {
		// As springdoc's documented actuator group: one OpenApiCustomizer and one
		// OperationCustomizer parameter, which the starter's must not make ambiguous.
		this.contextRunner.withUserConfiguration(OwnCustomizers.class).run((context) -> {
			assertThat(context).hasNotFailed();
			OwnCustomizers.Group group = context.getBean(OwnCustomizers.Group.class);
			assertThat(group.openApiCustomizer()).isSameAs(context.getBean("ownOpenApiCustomizer"));
			assertThat(group.operationCustomizer()).isSameAs(context.getBean("ownOperationCustomizer"));
			assertThat(context.getBeansOfType(OpenApiCustomizer.class))
				.containsKey("augnoErrorResponsesOpenApiCustomizer");
			assertThat(context.getBeansOfType(OperationCustomizer.class))
				.containsKey("augnoErrorCodesOperationCustomizer");
		});
	}

	@Test
	void isConditionalOnSpringdoc() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(GlobalOpenApiCustomizer.class)).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(ErrorCodesOperationCustomizer.class)
				.doesNotHaveBean(ErrorResponsesOpenApiCustomizer.class);
			assertThat(context).hasSingleBean(DeclaredErrorCodesVerifier.class);
		});
	}

	@Test
	void isOffWhenDisabled() {
		this.contextRunner.withPropertyValues("augno.errors.openapi.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ErrorResponsesOpenApiCustomizer.class)
				.doesNotHaveBean(ErrorCodesOperationCustomizer.class));
	}

	@Test
	void isOffWhenTheStarterIs() {
		this.contextRunner.withPropertyValues("augno.errors.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ErrorResponsesOpenApiCustomizer.class));
	}

	@Test
	void everyOperationIsPublicWithoutSpringSecurity() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(FilterChainProxy.class)).run((context) -> {
			assertThat(context).hasSingleBean(ErrorResponsesOpenApiCustomizer.class)
				.doesNotHaveBean(OperationAccess.class);
		});
	}

	@Test
	void backsOffForTheApplicationsOwnAccessDecision() {
		this.contextRunner.withBean(OperationAccess.class, () -> (method, path) -> OperationAccess.Access.AUTHENTICATED)
			.run((context) -> assertThat(context).hasSingleBean(OperationAccess.class)
				.doesNotHaveBean(SecurityFilterChainOperationAccess.class));
	}

	@Test
	void failsStartupNamingAnUnknownDeclaredCode() {
		this.contextRunner.withBean(MisspeltController.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Unknown error code in @PossibleErrors:")
				.hasMessageContaining("'resouce_gone' on ")
				.hasMessageContaining("AugnoErrorsOpenApiAutoConfigurationTests$MisspeltController.find()")
				.hasMessageContaining("(did you mean 'resource_gone'?)");
		});
	}

	@Test
	void acceptsRegisteredDeclaredCodes() {
		this.contextRunner.withBean(RegisteredController.class)
			.withPropertyValues("augno.errors.codes.ledger_locked.status=423",
					"augno.errors.codes.ledger_locked.message=The ledger is locked.")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@RestController
	static class MisspeltController {

		@GetMapping("/find")
		@PossibleErrors({ "resource_not_found", "resouce_gone" })
		String find() {
			return "found";
		}

	}

	@RestController
	@PossibleErrors("ledger_locked")
	static class RegisteredController {

		@GetMapping("/find")
		@PossibleErrors("resource_gone")
		String find() {
			return "found";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnCustomizers {

		@Bean
		OpenApiCustomizer ownOpenApiCustomizer() {
			return (openApi) -> {
			};
		}

		@Bean
		OperationCustomizer ownOperationCustomizer() {
			return (operation, handlerMethod) -> operation;
		}

		@Bean
		Group group(OpenApiCustomizer openApiCustomizer, OperationCustomizer operationCustomizer) {
			return new Group(openApiCustomizer, operationCustomizer);
		}

		record Group(OpenApiCustomizer openApiCustomizer, OperationCustomizer operationCustomizer) {
		}

	}

}
