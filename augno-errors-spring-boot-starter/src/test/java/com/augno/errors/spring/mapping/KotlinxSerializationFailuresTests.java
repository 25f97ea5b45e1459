package com.augno.errors.spring.mapping;

import java.nio.charset.StandardCharsets;
import java.util.List;

import kotlinx.serialization.MissingFieldException;
import kotlinx.serialization.SerializationException;
import org.junit.jupiter.api.Test;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body kotlinx.serialization's converter could not read, as
 * {@link RequestBodyExceptionMapper} answers it: the field named from
 * kotlinx.serialization's own messages (taken from its 1.11 JSON decoder) and missing
 * fields, the generic answer when a message has no path.
 */
class KotlinxSerializationFailuresTests {

	private final RequestBodyExceptionMapper mapper = new RequestBodyExceptionMapper();

	@Test
	void aMissingFieldIsNamedByItsPath() {
		MappedError top = map(missingField("name",
				"Field 'name' is required for type with serial name 'probe.CreateItem', but it was missing at path: $"));
		assertThat(top.code().code()).isEqualTo("missing_field");
		assertThat(top.param()).isEqualTo("name");
		assertThat(top.message()).isEqualTo("Name is required.");
		MappedError nested = map(missingField("product_id",
				"Field 'product_id' is required for type with serial name 'probe.OrderLine', but it was missing at path: $.lines[0]"));
		assertThat(nested.param()).isEqualTo("lines[0].product_id");
		assertThat(nested.message()).isEqualTo("Product ID is required.");
	}

	@Test
	void aNullForANonNullFieldIsMissing() {
		MappedError mapped = map(new SerializationException(
				"Unexpected JSON token at offset 8: Expected string literal but 'null' literal was found at path: $.name\n"
						+ "JSON input: {\"name\":null,\"quantity\":2}"));
		assertThat(mapped.code().code()).isEqualTo("missing_field");
		assertThat(mapped.param()).isEqualTo("name");
	}

	@Test
	void aValueOfTheWrongTypeOrAnUnknownEnumIsInvalidWithoutEchoingTheInput() {
		MappedError wrongType = map(new SerializationException(
				"Unexpected JSON token at offset 26: Unexpected symbol 'm' in numeric literal at path: $.lines[1].qty\n"
						+ "JSON input: {\"qty\":\"many\"}"));
		assertThat(wrongType.code().code()).isEqualTo("invalid_format");
		assertThat(wrongType.param()).isEqualTo("lines[1].qty");
		assertThat(wrongType.message()).isEqualTo("Qty is not valid.");
		MappedError unknownEnum = map(
				new SerializationException("probe.Color does not contain element with name 'PURPLE' at path $.color"));
		assertThat(unknownEnum.code().code()).isEqualTo("invalid_format");
		assertThat(unknownEnum.param()).isEqualTo("color");
		assertThat(unknownEnum.message()).doesNotContain("PURPLE", "probe");
	}

	@Test
	void anUnknownKeyAndATruncatedBodyAreValidationFailures() {
		MappedError unknown = map(new SerializationException(
				"Unexpected JSON token at offset 28: Encountered an unknown key 'zzz' at path: $\n"
						+ "Use 'ignoreUnknownKeys = true' in 'Json {}' builder to ignore unknown keys."));
		assertThat(unknown.code().code()).isEqualTo("validation_failed");
		assertThat(unknown.param()).isEqualTo("zzz");
		assertThat(unknown.message()).isEqualTo("Unknown field: zzz.");
		MappedError truncated = map(new SerializationException(
				"Unexpected JSON token at offset 25: EOF at path: $.quantity\nJSON input: {\"quantity\":"));
		assertThat(truncated.code().code()).isEqualTo("validation_failed");
		assertThat(truncated.message()).isEqualTo("The request body is not valid JSON.");
	}

	@Test
	void aMessageWithoutAPathKeepsTheGenericAnswer() {
		MappedError mapped = map(new SerializationException(
				"Unexpected JSON token at offset 0: Expected start of the object '{', but had 'n' instead at path: $"));
		assertThat(mapped.code().code()).isEqualTo("validation_failed");
		assertThat(mapped.param()).isNull();
		assertThat(mapped.message()).isEqualTo("The request body could not be read.");
		assertThat(map(new IllegalArgumentException("at path: $.name")).param()).as("not kotlinx.serialization's")
			.isNull();
	}

	/**
	 * The exception as kotlinx.serialization's JSON decoder throws it, with the path in
	 * its message; the constructor that takes a message is deprecated for callers outside
	 * the library.
	 */
	@SuppressWarnings("deprecation")
	private static MissingFieldException missingField(String field, String message) {
		return new MissingFieldException(List.of(field), message, null);
	}

	private MappedError map(Throwable cause) {
		MappedError mapped = this.mapper.map(new HttpMessageNotReadableException("Could not read JSON", cause,
				new MockHttpInputMessage("{}".getBytes(StandardCharsets.UTF_8))));
		assertThat(mapped).isNotNull();
		return mapped;
	}

}
