package com.augno.errors.spring.mapping;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConstraintMessages} and {@link Constraint#category()}.
 */
class ConstraintMessagesTests {

	@Test
	void saysARequiredValueIsRequired() {
		assertThat(message("NotNull", Map.of(), null, "Name")).isEqualTo("Name is required.");
		assertThat(message("NotBlank", Map.of(), null, "Name")).isEqualTo("Name is required.");
		assertThat(message("NotEmpty", Map.of(), null, "Items")).isEqualTo("Items is required.");
	}

	@Test
	void saysABlankValueMustNotBeBlank() {
		assertThat(message("NotBlank", Map.of(), " ", "Name")).isEqualTo("Name must not be blank.");
		assertThat(message("NotEmpty", Map.of(), List.of(), "Items")).isEqualTo("Items must not be empty.");
	}

	@Test
	void readsLikeTheContractForEmail() {
		assertThat(message("Email", Map.of(), "x", "Email")).isEqualTo("Email must be a valid email address.");
	}

	@Test
	void readsLikeTheContractForPositive() {
		assertThat(message("Positive", Map.of(), 0, "Limit")).isEqualTo("Limit must be greater than zero.");
	}

	@Test
	void statesTheBoundsOfMinAndMax() {
		assertThat(message("Min", Map.of("value", 18L), 3, "Age")).isEqualTo("Age must be at least 18.");
		assertThat(message("Max", Map.of("value", 100L), 500, "Page size")).isEqualTo("Page size must be at most 100.");
	}

	@Test
	void distinguishesExclusiveDecimalBounds() {
		assertThat(message("DecimalMin", Map.of("value", "0.5", "inclusive", false), 0, "Price"))
			.isEqualTo("Price must be greater than 0.5.");
		assertThat(message("DecimalMin", Map.of("value", "0.5", "inclusive", true), 0, "Price"))
			.isEqualTo("Price must be at least 0.5.");
		assertThat(message("DecimalMax", Map.of("value", "10", "inclusive", false), 11, "Price"))
			.isEqualTo("Price must be less than 10.");
	}

	@Test
	void measuresTextInCharactersAndCollectionsInItems() {
		assertThat(message("Size", Map.of("min", 2, "max", Integer.MAX_VALUE), "a", "City"))
			.isEqualTo("City must be at least 2 characters long.");
		assertThat(message("Size", Map.of("min", 0, "max", 40), "a", "Name"))
			.isEqualTo("Name must be at most 40 characters long.");
		assertThat(message("Size", Map.of("min", 1, "max", 3), List.of(), "Tags"))
			.isEqualTo("Tags must contain between 1 and 3 items.");
	}

	@Test
	void letsAnExplicitMessageWin() {
		Constraint constraint = new Constraint("Size", Map.of("min", 2, "max", 10), "a", "Nicknames need two letters.");
		assertThat(ConstraintMessages.of(constraint, "Nickname")).isEqualTo("Nicknames need two letters.");
	}

	@Test
	void fallsBackToAGenericPhraseForAnUnknownConstraint() {
		assertThat(message("ValidVatNumber", Map.of(), "x", "VAT ID")).isEqualTo("VAT ID is not valid.");
	}

	@Test
	void categorizesOnlyAnAbsentValueOfAPresenceConstraintAsMissing() {
		assertThat(category("NotNull", null)).isEqualTo(Constraint.Category.MISSING);
		assertThat(category("NotBlank", null)).isEqualTo(Constraint.Category.MISSING);
		assertThat(category("NotEmpty", null)).isEqualTo(Constraint.Category.MISSING);
		assertThat(category("NotBlank", " ")).isEqualTo(Constraint.Category.OTHER);
		assertThat(category("NotEmpty", List.of())).isEqualTo(Constraint.Category.OTHER);
	}

	@Test
	void categorizesFormatConstraintsAsFormat() {
		assertThat(category("Email", "x")).isEqualTo(Constraint.Category.FORMAT);
		assertThat(category("Pattern", "x")).isEqualTo(Constraint.Category.FORMAT);
		assertThat(category("Positive", 0)).isEqualTo(Constraint.Category.OTHER);
		assertThat(category("Size", "x")).isEqualTo(Constraint.Category.OTHER);
	}

	private static String message(String name, Map<String, Object> attributes, @Nullable Object value, String label) {
		return ConstraintMessages.of(new Constraint(name, attributes, value, null), label);
	}

	private static Constraint.Category category(String name, @Nullable Object value) {
		return new Constraint(name, Map.of(), value, null).category();
	}

}
