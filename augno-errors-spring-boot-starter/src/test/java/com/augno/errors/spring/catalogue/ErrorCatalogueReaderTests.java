package com.augno.errors.spring.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import com.augno.errors.ErrorDocumentation;
import com.augno.errors.ErrorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The catalogue file is read strictly, YAML or JSON alike: every key and value, and every
 * mistake named by file and key. gh-13
 */
class ErrorCatalogueReaderTests {

	private final ErrorCatalogueReader reader = new ErrorCatalogueReader();

	private static final String YAML = """
			mode: replace
			code-syntax: "^[A-Z][A-Z0-9_]*$"
			codes:
			  VALIDATION_ERROR:
			    status: 400
			    type: invalid_request_error
			    transient: false
			    message: Request validation failed
			    doc-url: https://docs.example.com/errors/validation
			    title: Validation failed
			    description: The request does not satisfy the endpoint's schema.
			    causes:
			      - A required field is missing.
			      - A field has the wrong type.
			    resolution: Check required fields.
			    replaces: [validation_failed, missing_field]
			  SERVICE_UNAVAILABLE:
			    status: 503
			    transient: true
			    message: Service temporarily unavailable
			    replaces: service_unavailable
			""";

	private static final String JSON = """
			{"mode": "replace", "code-syntax": "^[A-Z][A-Z0-9_]*$", "codes": {
			  "VALIDATION_ERROR": {"status": 400, "type": "invalid_request_error", "transient": false,
			    "message": "Request validation failed", "doc-url": "https://docs.example.com/errors/validation",
			    "title": "Validation failed", "description": "The request does not satisfy the endpoint's schema.",
			    "causes": ["A required field is missing.", "A field has the wrong type."],
			    "resolution": "Check required fields.", "replaces": ["validation_failed", "missing_field"]},
			  "SERVICE_UNAVAILABLE": {"status": 503, "transient": true, "message": "Service temporarily unavailable",
			    "replaces": "service_unavailable"}}}
			""";

	@Test
	void readsEveryKeyOfAYamlCatalogue() {
		assertEveryKeyRead(read("errors.yaml", YAML), "errors.yaml");
	}

	@Test
	void readsTheSameCatalogueWrittenAsJson() {
		assertEveryKeyRead(read("errors.json", JSON), "errors.json");
	}

	private static void assertEveryKeyRead(ErrorCatalogue catalogue, String location) {
		assertThat(catalogue.location()).isEqualTo(location);
		assertThat(catalogue.mode()).isEqualTo(ErrorCatalogue.Mode.REPLACE);
		assertThat(catalogue.codeSyntax()).isNotNull().hasToString("^[A-Z][A-Z0-9_]*$");
		assertThat(catalogue.codes()).extracting(ErrorCatalogue.Entry::code)
			.containsExactly("VALIDATION_ERROR", "SERVICE_UNAVAILABLE");
		assertThat(catalogue.codes().get(0))
			.isEqualTo(new ErrorCatalogue.Entry("VALIDATION_ERROR", 400, ErrorType.INVALID_REQUEST_ERROR, false,
					"Request validation failed", "https://docs.example.com/errors/validation",
					new ErrorDocumentation("Validation failed", "The request does not satisfy the endpoint's schema.",
							List.of("A required field is missing.", "A field has the wrong type."),
							"Check required fields."),
					List.of("validation_failed", "missing_field")));
		assertThat(catalogue.codes().get(1)).isEqualTo(new ErrorCatalogue.Entry("SERVICE_UNAVAILABLE", 503, null, true,
				"Service temporarily unavailable", null, ErrorDocumentation.none(), List.of("service_unavailable")));
	}

	@Test
	void extendsAugnosCatalogueUnlessToldOtherwise() {
		ErrorCatalogue catalogue = read("errors.yml", """
				codes:
				  ledger_locked: {status: 423, message: The ledger is locked.}
				""");
		assertThat(catalogue.mode()).isEqualTo(ErrorCatalogue.Mode.EXTEND);
		assertThat(catalogue.codeSyntax()).isNull();
		assertThat(catalogue.codes()).singleElement()
			.satisfies((entry) -> assertThat(entry.documentation().isEmpty()).isTrue());
	}

	static Stream<Arguments> mistakes() {
		return Stream.of(
				Arguments.of("unknown top-level key", "errors.yaml", "codes: {}\nlocale: de\n", "locale",
						"unknown key"),
				Arguments.of("unknown key of a code", "errors.yaml",
						"codes:\n  LOCKED:\n    status: 423\n    message: Locked\n    severity: high\n",
						"codes.LOCKED.severity", "unknown key"),
				Arguments.of("duplicate code in YAML", "errors.yaml",
						"codes:\n  LOCKED: {status: 423, message: Locked}\n  LOCKED: {status: 409, message: Again}\n",
						"line 3, column 3", "duplicate key: LOCKED"),
				Arguments.of("duplicate code in JSON", "errors.json",
						"{\"codes\": {\"LOCKED\": {\"status\": 423, \"message\": \"Locked\"},\n"
								+ " \"LOCKED\": {\"status\": 409, \"message\": \"Again\"}}}",
						"line 2", "duplicate key: Duplicate Object property \"LOCKED\""),
				Arguments.of("status out of range", "errors.yaml", "codes:\n  LOCKED: {status: 700, message: Locked}\n",
						"codes.LOCKED.status", "an error status is from 400 to 599"),
				Arguments.of("status not a number", "errors.yaml",
						"codes:\n  LOCKED: {status: locked, message: Locked}\n", "codes.LOCKED.status",
						"an error status is from 400 to 599"),
				Arguments.of("unknown type", "errors.yaml",
						"codes:\n  LOCKED: {status: 423, type: lock_error, message: Locked}\n", "codes.LOCKED.type",
						"unknown type; the types are invalid_request_error, api_error, idempotency_error"),
				Arguments.of("transient not a boolean", "errors.yaml",
						"codes:\n  LOCKED: {status: 423, transient: maybe, message: Locked}\n",
						"codes.LOCKED.transient", "expected true or false"),
				Arguments.of("blank message", "errors.yaml", "codes:\n  LOCKED: {status: 423, message: ' '}\n",
						"codes.LOCKED.message", "expected a text"),
				Arguments.of("causes not a list", "errors.yaml",
						"codes:\n  LOCKED: {status: 423, message: Locked, causes: {a: b}}\n", "codes.LOCKED.causes",
						"expected a list of texts"),
				Arguments.of("code not a mapping", "errors.yaml", "codes:\n  LOCKED: 423\n", "codes.LOCKED",
						"expected a mapping"),
				Arguments.of("no codes", "errors.yaml", "mode: replace\n", "codes", "declares no codes"),
				Arguments.of("unknown mode", "errors.yaml", "mode: merge\ncodes: {}\n", "mode",
						"the mode is extend or replace"),
				Arguments.of("code syntax not a pattern", "errors.yaml", "code-syntax: '^[A-Z'\ncodes: {}\n",
						"code-syntax", "not a regular expression"),
				Arguments.of("malformed YAML", "errors.yaml", "codes:\n  LOCKED: {status: 423\n  message: x\n",
						"line 3", "malformed YAML"),
				Arguments.of("malformed JSON", "errors.json", "{\"codes\": {\"LOCKED\": }}", "line 1",
						"malformed JSON"),
				Arguments.of("empty file", "errors.yaml", "", "(top level)", "expected a mapping"),
				Arguments.of("neither YAML nor JSON", "errors.toml", "codes = 1", "(file)",
						"a catalogue is a .yaml, .yml or .json file"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mistakes")
	void namesTheFileAndTheOffendingKey(String mistake, String location, String content, String key, String reason) {
		assertThatExceptionOfType(InvalidErrorCatalogueException.class).isThrownBy(() -> read(location, content))
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo(location);
				assertThat(ex.getKey()).startsWith(key);
				assertThat(ex.getReason()).contains(reason);
				assertThat(ex.getAction()).isNotBlank();
			});
	}

	@Test
	void aMissingFileIsAMistakeToo() {
		Resource missing = new ClassPathResource("com/augno/errors/spring/catalogue/missing.yaml");
		assertThatExceptionOfType(InvalidErrorCatalogueException.class)
			.isThrownBy(() -> this.reader.read(missing, "classpath:missing.yaml"))
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo("classpath:missing.yaml");
				assertThat(ex.getReason()).isEqualTo("the catalogue does not exist");
				assertThat(ex.getAction()).contains("augno.errors.catalogue.location");
			});
	}

	private ErrorCatalogue read(String location, String content) {
		return this.reader.read(new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)), location);
	}

}
