package com.augno.errors.spring.reference;

import java.nio.charset.StandardCharsets;

import com.augno.errors.ErrorFactory;
import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsReferenceAutoConfiguration;
import com.augno.errors.spring.autoconfigure.InvalidAugnoErrorsConfigurationException;
import com.augno.errors.spring.servlet.ErrorResponseWriter;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

class AugnoErrorsReferenceAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AugnoErrorsAutoConfiguration.class, AugnoErrorsReferenceAutoConfiguration.class,
					JacksonAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
					WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class));

	@Test
	void isOffByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ErrorReferenceDocuments.class)
				.doesNotHaveBean("augnoErrorReferenceHandlerMapping")
				.doesNotHaveBean(ErrorReferenceExporter.class);
		});
	}

	@Test
	void servesThePageAndTheCatalogueAtTheirDefaultPaths() {
		this.contextRunner.withPropertyValues("augno.errors.reference.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(ErrorReferenceDocuments.class)
				.doesNotHaveBean(ErrorReferenceExporter.class);
			SimpleUrlHandlerMapping mapping = context.getBean("augnoErrorReferenceHandlerMapping",
					SimpleUrlHandlerMapping.class);
			assertThat(mapping.getHandlerMap()).containsOnlyKeys("/errors", "/errors.json");
			assertThat(mapping.getHandlerMap().values())
				.allSatisfy((handler) -> assertThat(handler).isInstanceOf(ErrorReferenceHandler.class));
		});
	}

	@Test
	void servesAtConfiguredPathsWithTheConfiguredTitleAndARelativeCatalogueLink() {
		this.contextRunner
			.withPropertyValues("augno.errors.reference.enabled=true", "augno.errors.reference.path=/docs/api-errors",
					"augno.errors.reference.catalogue-path=/docs/api-errors.json",
					"augno.errors.reference.title=Ledger API errors")
			.run((context) -> {
				SimpleUrlHandlerMapping mapping = context.getBean("augnoErrorReferenceHandlerMapping",
						SimpleUrlHandlerMapping.class);
				assertThat(mapping.getHandlerMap()).containsOnlyKeys("/docs/api-errors", "/docs/api-errors.json");
				String page = new String(context.getBean(ErrorReferenceDocuments.class).page("api-errors.json"),
						StandardCharsets.UTF_8);
				assertThat(Jsoup.parse(page).title()).isEqualTo("Ledger API errors");
			});
	}

	@Test
	void rejectsAPatternOrASharedPathNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("augno.errors.reference.enabled=true", "augno.errors.reference.path=/errors/**")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidAugnoErrorsConfigurationException.class)
				.hasMessageContaining("augno.errors.reference.path"));
		this.contextRunner
			.withPropertyValues("augno.errors.reference.enabled=true", "augno.errors.reference.catalogue-path=/errors")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidAugnoErrorsConfigurationException.class)
				.hasMessageContaining("augno.errors.reference.catalogue-path"));
	}

	@Test
	void anExportDirectoryAddsTheExporterWithoutServing() {
		this.contextRunner.withPropertyValues("augno.errors.reference.export-dir=target/never-run").run((context) -> {
			assertThat(context).hasSingleBean(ErrorReferenceExporter.class)
				.hasSingleBean(ErrorReferenceDocuments.class)
				.doesNotHaveBean("augnoErrorReferenceHandlerMapping");
		});
	}

	@Test
	void rejectsABlankExportDirectoryRatherThanWritingIntoTheWorkingDirectory() {
		this.contextRunner.withPropertyValues("augno.errors.reference.export-dir= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidAugnoErrorsConfigurationException.class)
				.hasMessageContaining("augno.errors.reference.export-dir"));
	}

	@Test
	void backsOffForTheApplicationsOwnDocuments() {
		this.contextRunner.withPropertyValues("augno.errors.reference.enabled=true")
			.withUserConfiguration(OwnDocuments.class)
			.run((context) -> assertThat(context).getBean(ErrorReferenceDocuments.class)
				.isSameAs(context.getBean("ownDocuments")));
	}

	@Test
	void isOffWhenTheEnvelopeIsOff() {
		this.contextRunner.withPropertyValues("augno.errors.enabled=false", "augno.errors.reference.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(ErrorReferenceDocuments.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnDocuments {

		@Bean
		ErrorReferenceDocuments ownDocuments(ErrorFactory factory) {
			return new ErrorReferenceDocuments(factory, new ErrorResponseWriter(), "Our errors");
		}

	}

}
