package com.augno.errors;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ErrorCode#isValidCode} checks by hand what {@link ErrorCode#CODE_SYNTAX} says;
 * it must agree with the pattern on every string.
 */
class ErrorCodeSyntaxTests {

	@Test
	void acceptsAndRejectsTheDocumentedExamples() {
		assertThat(ErrorCode.isValidCode("resource_not_found")).isTrue();
		assertThat(ErrorCode.isValidCode("VALIDATION_ERROR")).isTrue();
		assertThat(ErrorCode.isValidCode("AUTH-401")).isTrue();
		assertThat(ErrorCode.isValidCode("a.b-c_9")).isTrue();
		assertThat(ErrorCode.isValidCode("x".repeat(100))).isTrue();
		assertThat(ErrorCode.isValidCode("x".repeat(101))).isFalse();
		assertThat(ErrorCode.isValidCode(null)).isFalse();
		assertThat(ErrorCode.isValidCode("")).isFalse();
		assertThat(ErrorCode.isValidCode("9lives")).isFalse();
		assertThat(ErrorCode.isValidCode("_private")).isFalse();
		assertThat(ErrorCode.isValidCode("shipping term")).isFalse();
		assertThat(ErrorCode.isValidCode("caf\u00e9")).isFalse();
		assertThat(ErrorCode.isValidCode("code\n")).isFalse();
	}

	@Test
	void agreesWithThePatternOnRandomStrings() {
		String alphabet = "azAZmM09_.-/ \n\u00e9\u0130\u212a:#";
		Random random = new Random(7);
		for (int i = 0; i < 20_000; i++) {
			int length = (i % 50 == 0) ? 99 + random.nextInt(3) : random.nextInt(8);
			StringBuilder code = new StringBuilder(length);
			for (int j = 0; j < length; j++) {
				code.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String candidate = code.toString();
			assertThat(ErrorCode.isValidCode(candidate)).as("'%s'", candidate)
				.isEqualTo(ErrorCode.CODE_SYNTAX.matcher(candidate).matches());
		}
	}

}
