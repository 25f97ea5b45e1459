package com.augno.errors.spring.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorDocumentation;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.ErrorType;
import com.augno.errors.FrameworkCodes;
import com.augno.errors.spring.catalogue.ErrorCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
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
 * The registry is built from the service's catalogue file: extending Augno's codes or
 * replacing them, and every mistake in it failing startup with the file and the key.
 * gh-13
 */
@ExtendWith(OutputCaptureExtension.class)
class AugnoErrorsCatalogueAutoConfigurationTests {

	private static final String CATALOGUES = "classpath:com/augno/errors/spring/catalogue/";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AugnoErrorsCatalogueAutoConfiguration.class, AugnoErrorsAutoConfiguration.class,
					JacksonAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
					WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class));

	@TempDir
	Path directory;

	@Test
	void withoutACatalogueTheRegistryIsAugnosAlone() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(ErrorCatalogue.class)).isSameAs(ErrorCatalogue.none());
			assertThat(context.getBean(ErrorRegistry.class).codes())
				.hasSize(ErrorRegistry.standard().codes().size() + FrameworkCodes.all().size());
		});
	}

	@Test
	void readsAugnoErrorsYamlOnTheClassPathWithoutAProperty() throws IOException {
		Files.writeString(this.directory.resolve("augno-errors.yaml"),
				"codes:\n  ledger_locked: {status: 423, message: The ledger is locked.}\n");
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { this.directory.toUri().toURL() },
				getClass().getClassLoader())) {
			this.contextRunner.withClassLoader(classLoader).run((context) -> {
				assertThat(context.getBean(ErrorCatalogue.class).location()).isEqualTo("classpath:augno-errors.yaml");
				assertThat(context.getBean(ErrorRegistry.class).get("ledger_locked").status()).isEqualTo(423);
			});
		}
	}

	@Test
	void anExtendingCatalogueAddsCodesAndDocumentsAugnos() {
		this.contextRunner.withPropertyValues("augno.errors.catalogue.location=" + CATALOGUES + "extend.yaml")
			.run((context) -> {
				ErrorRegistry registry = context.getBean(ErrorRegistry.class);
				assertThat(registry.get("ledger_locked")).isEqualTo(ErrorCode.of("ledger_locked", 423,
						ErrorType.INVALID_REQUEST_ERROR, false, "The ledger is locked."));
				assertThat(registry.documentation("ledger_locked")).isEqualTo(new ErrorDocumentation("Ledger locked",
						"The ledger is closed for the period.", List.of("The period was closed by an accountant."),
						"Reopen the period, or post to the next one."));
				assertThat(registry.get("ledger_offline")).isEqualTo(
						ErrorCode.of("ledger_offline", 503, ErrorType.API_ERROR, true, "The ledger is offline."));
				assertThat(registry.get("resource_not_found"))
					.isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND.withMessage("Nothing here.")
						.withDocUrl("https://docs.example.com/errors/not-found"));
				assertThat(registry.documentation("resource_not_found").title()).isEqualTo("Resource not found");
				assertThat(registry.get("validation_failed")).isEqualTo(ErrorCodes.VALIDATION_FAILED);
			});
	}

	@Test
	void theReadmesCatalogueOfEveryKeyDeclaresACodeWithItsDocumentation() {
		this.contextRunner.withPropertyValues("augno.errors.catalogue.location=" + CATALOGUES + "every-key.yaml")
			.run((context) -> {
				ErrorRegistry registry = context.getBean(ErrorRegistry.class);
				assertThat(registry.get("ledger_locked"))
					.isEqualTo(new ErrorCode("ledger_locked", 423, ErrorType.INVALID_REQUEST_ERROR, false,
							"The ledger is locked.", "https://docs.example.com/errors/ledger-locked"));
				assertThat(registry.documentation("ledger_locked")).isEqualTo(new ErrorDocumentation("Ledger locked",
						"The ledger is closed for the period.", List.of("The period was closed by an accountant."),
						"Reopen the period, or post to the next one."));
				assertThat(registry.get("resource_not_found")).isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND);
			});
	}

	@Test
	void aPropertyOverridesTheMessageOfACatalogueCode() {
		this.contextRunner
			.withPropertyValues("augno.errors.catalogue.location=" + CATALOGUES + "extend.yaml",
					"augno.errors.codes.ledger_locked.message=Das Hauptbuch ist gesperrt.")
			.run((context) -> assertThat(context.getBean(ErrorRegistry.class).get("ledger_locked").message())
				.isEqualTo("Das Hauptbuch ist gesperrt."));
	}

	@Test
	void aReplacingCatalogueIsTheWholeCodeSetAndAnswersTheFrameworksFailures() {
		this.contextRunner.withPropertyValues("augno.errors.catalogue.location=" + CATALOGUES + "replace.json")
			.run((context) -> {
				ErrorRegistry registry = context.getBean(ErrorRegistry.class);
				assertThat(registry.codes()).extracting(ErrorCode::code)
					.containsExactly("NOT_FOUND", "VALIDATION_ERROR", "INTERNAL_ERROR");
				assertThat(registry.find("resource_not_found")).isSameAs(registry.get("NOT_FOUND"));
				assertThat(registry.find("missing_field")).isSameAs(registry.get("VALIDATION_ERROR"));
				assertThat(registry.get("INTERNAL_ERROR").type()).isEqualTo(ErrorType.API_ERROR);
				assertThat(registry.replaces("VALIDATION_ERROR")).containsExactly("invalid_format", "missing_field",
						"validation_failed");
				assertThat(registry.find("method_not_allowed")).isNull();
			});
	}

	@Test
	void aCatalogueBeanOfTheApplicationWins() {
		ErrorCatalogue own = new ErrorCatalogue("in code", ErrorCatalogue.Mode.EXTEND, null,
				List.of(new ErrorCatalogue.Entry("ledger_locked", 423, null, null, "Locked.", null,
						ErrorDocumentation.none(), List.of())));
		this.contextRunner.withBean(ErrorCatalogue.class, () -> own)
			.withPropertyValues("augno.errors.catalogue.location=" + CATALOGUES + "missing.yaml")
			.run((context) -> assertThat(context.getBean(ErrorRegistry.class).get("ledger_locked").message())
				.isEqualTo("Locked."));
	}

	static Stream<Arguments> mistakes() {
		return Stream.of(Arguments.of("a missing file", null, "(file)", "the catalogue does not exist"), Arguments.of(
				"a duplicate code",
				"codes:\n  ledger_locked: {status: 423, message: A}\n  ledger_locked: {status: 423, message: B}\n",
				"line 3, column 3", "duplicate key: ledger_locked"),
				Arguments.of("a code without status", "codes:\n  ledger_locked: {message: Locked.}\n",
						"codes.ledger_locked.status", "needs a status from 400 to 599"),
				Arguments.of("a code without message", "codes:\n  ledger_locked: {status: 423}\n",
						"codes.ledger_locked.message", "needs a message"),
				Arguments.of("an Augno code redefined", "codes:\n  resource_not_found: {status: 410}\n",
						"codes.resource_not_found.status", "'resource_not_found' is one of Augno's codes"),
				Arguments.of("a code outside Augno's syntax", "codes:\n  LedgerLocked: {status: 423, message: L}\n",
						"codes.LedgerLocked", "must match ^[a-z][a-z0-9_]*$"),
				Arguments.of("replaces without mode: replace",
						"codes:\n  locked: {status: 423, message: L, replaces: [resource_conflict]}\n",
						"codes.locked.replaces[0]", "only a catalogue with mode: replace"),
				Arguments.of("an unknown replaced code",
						"mode: replace\ncodes:\n  LOCKED: {status: 423, message: L, replaces: [resource_conflit]}\n",
						"codes.LOCKED.replaces[0]",
						"'resource_conflit' is not one of the framework's codes; did you mean 'resource_conflict'?"),
				Arguments.of("a code replaced twice",
						"mode: replace\ncodes:\n  A: {status: 409, message: A, replaces: [resource_conflict]}\n"
								+ "  B: {status: 409, message: B, replaces: [resource_conflict]}\n",
						"codes.B.replaces[0]", "'resource_conflict' is already replaced by 'A'"),
				Arguments.of("a code outside the declared syntax",
						"mode: replace\ncode-syntax: '^[A-Z_]+$'\ncodes:\n  auth-401: {status: 401, message: A}\n",
						"codes.auth-401", "must match ^[A-Z_]+$"),
				Arguments.of("a replacing catalogue without codes", "mode: replace\ncodes: {}\n", "codes",
						"declares codes of its own"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mistakes")
	void aMistakeFailsStartupNamingTheFileAndTheKey(String mistake, String content, String key, String reason)
			throws IOException {
		Path file = this.directory.resolve("errors.yaml");
		if (content != null) {
			Files.writeString(file, content);
		}
		String location = "file:" + file;
		this.contextRunner.withPropertyValues("augno.errors.catalogue.location=" + location).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidAugnoErrorsConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("Property: " + key + " in " + location)
				.contains("Reason: ")
				.contains(reason);
			assertThat(analysis.getAction()).isNotBlank();
		});
	}

	@Test
	void aServiceCodeInPropertiesFollowsTheCataloguesSyntax() {
		this.contextRunner
			.withPropertyValues("augno.errors.catalogue.location=" + CATALOGUES + "replace.json",
					"augno.errors.codes.CONFLICT.status=409", "augno.errors.codes.CONFLICT.message=Conflict")
			.run((context) -> assertThat(context.getBean(ErrorRegistry.class).get("CONFLICT").status()).isEqualTo(409));
		this.contextRunner
			.withPropertyValues("augno.errors.catalogue.location=" + CATALOGUES + "replace.json",
					"augno.errors.codes.conflict.status=409", "augno.errors.codes.conflict.message=Conflict")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("must match ^[A-Z][A-Z0-9_]*$"));
	}

	@Test
	void aPropertyCannotRedefineACatalogueCode() {
		this.contextRunner
			.withPropertyValues("augno.errors.catalogue.location=" + CATALOGUES + "extend.yaml",
					"augno.errors.codes.ledger_locked.status=409")
			.run((context) -> {
				FailureAnalysis analysis = new InvalidAugnoErrorsConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Property: augno.errors.codes.ledger_locked.status")
					.contains("'ledger_locked' is declared in " + CATALOGUES + "extend.yaml");
			});
	}

	@Test
	void failsTheStartOfARealServerWithTheReportInsteadOfAStackTrace(CapturedOutput output) throws IOException {
		Path file = this.directory.resolve("errors.yaml");
		Files.writeString(file, "mode: replace\ncodes:\n  VALIDATION_ERROR: {status: 700, message: Invalid}\n");
		SpringApplication application = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "augno.errors.catalogue.location=file:" + file)
			.build();
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: codes.VALIDATION_ERROR.status in file:" + file)
			.contains("Value: \"700\"")
			.contains("Reason: an error status is from 400 to 599")
			.contains("Set codes.VALIDATION_ERROR.status to the HTTP status of the code")
			.doesNotContain("\tat ");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
