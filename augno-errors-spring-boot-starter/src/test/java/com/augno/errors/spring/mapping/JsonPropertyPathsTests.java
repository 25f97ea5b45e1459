package com.augno.errors.spring.mapping;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonPropertyPaths}.
 */
class JsonPropertyPathsTests {

	private final JsonPropertyPaths paths = new JsonPropertyPaths(JsonMapper.builder().build());

	private final JsonPropertyPaths snakeCasePaths = new JsonPropertyPaths(
			JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build());

	@Test
	void keepsAPlainPropertyName() {
		assertThat(this.paths.toJsonPath(Order.class, "reference")).isEqualTo("reference");
	}

	@Test
	void followsJsonPropertyOnARecordComponent() {
		assertThat(this.paths.toJsonPath(Address.class, "postalCode")).isEqualTo("postal_code");
	}

	@Test
	void followsJsonPropertyThroughNestedObjectsAndLists() {
		assertThat(this.paths.toJsonPath(Order.class, "shipTo.postalCode")).isEqualTo("ship_to.postal_code");
		assertThat(this.paths.toJsonPath(Order.class, "lines[3].unitPrice")).isEqualTo("lines[3].unitPrice");
	}

	@Test
	void followsTheNamingStrategy() {
		assertThat(this.snakeCasePaths.toJsonPath(Order.class, "lines[0].unitPrice")).isEqualTo("lines[0].unit_price");
		assertThat(this.snakeCasePaths.toJsonPath(Customer.class, "billingAddress.streetName"))
			.isEqualTo("billing_address.street_name");
	}

	@Test
	void letsAnExplicitJsonPropertyWinOverTheNamingStrategy() {
		assertThat(this.snakeCasePaths.toJsonPath(Customer.class, "vatNumber")).isEqualTo("vatId");
	}

	@Test
	void followsJsonPropertyOnAFieldOfAJavaBean() {
		assertThat(this.paths.toJsonPath(Account.class, "displayName")).isEqualTo("display");
		assertThat(this.snakeCasePaths.toJsonPath(Account.class, "emailAddress")).isEqualTo("email_address");
	}

	@Test
	void followsJsonPropertyOfAWriteOnlyProperty() {
		assertThat(this.paths.toJsonPath(Account.class, "secretCode")).isEqualTo("secret");
	}

	@Test
	void keepsMapKeys() {
		assertThat(this.paths.toJsonPath(Customer.class, "attributes[colour]")).isEqualTo("attributes[colour]");
	}

	@Test
	void translatesAnUnknownPropertyByTheNamingStrategyOnly() {
		assertThat(this.snakeCasePaths.toJsonPath(Customer.class, "unknownField")).isEqualTo("unknown_field");
		assertThat(this.paths.toJsonPath(Customer.class, "unknownField")).isEqualTo("unknownField");
	}

	@Test
	void resolvesThePathAndTheKeyOfAPathInOneWalkAsTheTwoMethodsDoApart() {
		for (String javaPath : List.of("reference", "shipTo.postalCode", "lines[3].unitPrice", "lines[10][2].sku",
				"unknownThing.nested", "")) {
			JsonPropertyPaths.Resolved resolved = this.snakeCasePaths.resolve(Order.class, javaPath);
			assertThat(resolved.jsonPath()).isEqualTo(this.snakeCasePaths.toJsonPath(Order.class, javaPath));
			assertThat(resolved.declarationKey()).isEqualTo(this.snakeCasePaths.declarationKey(Order.class, javaPath));
		}
		assertThat(this.snakeCasePaths.resolve(Order.class, "lines[3].unitPrice").jsonPath())
			.isEqualTo("lines[3].unit_price");
	}

	@Test
	void ordersPathsByDeclarationRatherThanAlphabetically() {
		// Order declares reference, shipTo, lines.
		List<Integer> reference = this.paths.declarationKey(Order.class, "reference");
		List<Integer> shipTo = this.paths.declarationKey(Order.class, "shipTo.postalCode");
		List<Integer> lines = this.paths.declarationKey(Order.class, "lines[0].sku");
		assertThat(JsonPropertyPaths.compareKeys(reference, shipTo)).isNegative();
		assertThat(JsonPropertyPaths.compareKeys(shipTo, lines)).isNegative();
		assertThat(JsonPropertyPaths.compareKeys(lines, reference)).isPositive();
	}

	@Test
	void ordersJavaBeanFieldsByDeclaration() {
		List<Integer> email = this.paths.declarationKey(Account.class, "emailAddress");
		List<Integer> display = this.paths.declarationKey(Account.class, "displayName");
		assertThat(JsonPropertyPaths.compareKeys(email, display)).isNegative();
	}

	@Test
	void ordersListElementsByNumericIndex() {
		List<Integer> second = this.paths.declarationKey(Order.class, "lines[2].sku");
		List<Integer> tenth = this.paths.declarationKey(Order.class, "lines[10].sku");
		assertThat(JsonPropertyPaths.compareKeys(second, tenth)).isNegative();
	}

	@Test
	void ordersFieldsOfOneElementByDeclaration() {
		List<Integer> unitPrice = this.paths.declarationKey(Order.class, "lines[0].unitPrice");
		List<Integer> sku = this.paths.declarationKey(Order.class, "lines[0].sku");
		assertThat(JsonPropertyPaths.compareKeys(unitPrice, sku)).isNegative();
	}

	record Order(String reference, @JsonProperty("ship_to") Address shipTo, List<Line> lines) {
	}

	record Line(int unitPrice, String sku) {
	}

	record Address(@JsonProperty("postal_code") String postalCode, String streetName) {
	}

	record Customer(Address billingAddress, @JsonProperty("vatId") String vatNumber, Map<String, String> attributes) {
	}

	static class Account {

		private String emailAddress = "";

		@JsonProperty("display")
		private String displayName = "";

		@JsonProperty(value = "secret", access = JsonProperty.Access.WRITE_ONLY)
		private String secretCode = "";

		public String getEmailAddress() {
			return this.emailAddress;
		}

		public void setEmailAddress(String emailAddress) {
			this.emailAddress = emailAddress;
		}

		public String getDisplayName() {
			return this.displayName;
		}

		public void setDisplayName(String displayName) {
			this.displayName = displayName;
		}

		public String getSecretCode() {
			return this.secretCode;
		}

		public void setSecretCode(String secretCode) {
			this.secretCode = secretCode;
		}

	}

}
