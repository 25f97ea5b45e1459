package com.augno.errors.spring.mapping;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Labels}.
 */
class LabelsTests {

	@Test
	void capitalizesASingleWord() {
		assertThat(Labels.of("name")).isEqualTo("Name");
	}

	@Test
	void splitsSnakeCase() {
		assertThat(Labels.of("postal_code")).isEqualTo("Postal code");
	}

	@Test
	void splitsCamelCase() {
		assertThat(Labels.of("postalCode")).isEqualTo("Postal code");
	}

	@Test
	void splitsKebabCase() {
		assertThat(Labels.of("page-size")).isEqualTo("Page size");
	}

	@Test
	void uppercasesAcronyms() {
		assertThat(Labels.of("customer_id")).isEqualTo("Customer ID");
		assertThat(Labels.of("callbackUrl")).isEqualTo("Callback URL");
		assertThat(Labels.of("sku")).isEqualTo("SKU");
	}

	@Test
	void writesThePluralOfAnAcronymWithALowercaseS() {
		assertThat(Labels.of("ids")).isEqualTo("IDs");
		assertThat(Labels.of("customer_ids")).isEqualTo("Customer IDs");
		assertThat(Labels.of("callbackUrls")).isEqualTo("Callback URLs");
	}

	@Test
	void leavesWordsThatMerelyEndLikeAnAcronym() {
		assertThat(Labels.of("tips")).isEqualTo("Tips");
		assertThat(Labels.of("skip")).isEqualTo("Skip");
	}

	@Test
	void usesTheLastSegmentOfAPath() {
		assertThat(Labels.of("address.postal_code")).isEqualTo("Postal code");
		assertThat(Labels.of("items[0].sku")).isEqualTo("SKU");
	}

	@Test
	void dropsIndexes() {
		assertThat(Labels.of("codes[1]")).isEqualTo("Codes");
		assertThat(Labels.of("matrix[0][2]")).isEqualTo("Matrix");
		assertThat(Labels.of("attributes[colour]")).isEqualTo("Attributes");
	}

	@Test
	void callsAnEmptyNameValue() {
		assertThat(Labels.of("")).isEqualTo("Value");
	}

}
