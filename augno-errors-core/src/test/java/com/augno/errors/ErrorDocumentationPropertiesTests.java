package com.augno.errors;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ErrorDocumentationPropertiesTests {

	@Test
	void documentsEveryCodeOfTheContractInFull() {
		Map<String, ErrorDocumentation> contract = ErrorDocumentationProperties.contract();
		assertThat(contract.keySet())
			.containsExactlyInAnyOrderElementsOf(ErrorCodes.contract().stream().map(ErrorCode::code).toList());
		contract.forEach((code, documentation) -> {
			assertThat(documentation.title()).as(code).isNotBlank();
			assertThat(documentation.description()).as(code).isNotBlank();
			assertThat(documentation.causes()).as(code)
				.isNotEmpty()
				.allSatisfy((cause) -> assertThat(cause).isNotBlank());
			assertThat(documentation.resolution()).as(code).isNotBlank();
		});
	}

	@Test
	void theStandardRegistryCarriesTheContractsDocumentation() {
		ErrorDocumentation documentation = ErrorRegistry.standard().documentation("rate_limit_exceeded");
		assertThat(documentation).isEqualTo(ErrorDocumentationProperties.contract().get("rate_limit_exceeded"));
		assertThat(documentation.resolution()).contains("Retry-After");
	}

	@Test
	void aServiceReplacesTheDocumentationOfABuiltInCode() {
		ErrorDocumentation own = new ErrorDocumentation("Gone fishing", null, null, null);
		ErrorRegistry registry = ErrorRegistry.builder().document("resource_gone", own).build();
		assertThat(registry.documentation("resource_gone")).isEqualTo(own);
	}

	@Test
	void readsCausesInTheirNumericOrderAsUtf8Text() throws IOException {
		Map<String, ErrorDocumentation> read = ErrorDocumentationProperties.read(new StringReader("""
				ledger_locked.title=Ledger locked — for now
				ledger_locked.cause.10=tenth
				ledger_locked.cause.2=second
				ledger_locked.resolution=  Wait.
				"""));
		assertThat(read).containsOnlyKeys("ledger_locked");
		ErrorDocumentation documentation = read.get("ledger_locked");
		assertThat(documentation.title()).isEqualTo("Ledger locked — for now");
		assertThat(documentation.description()).isNull();
		assertThat(documentation.causes()).containsExactly("second", "tenth");
		assertThat(documentation.resolution()).isEqualTo("Wait.");
	}

	@Test
	void rejectsAKeyThatIsNotAField() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ErrorDocumentationProperties.read(new StringReader("ledger_locked.status=423")))
			.withMessageContaining("ledger_locked.status");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ErrorDocumentationProperties.read(new StringReader("ledger_locked.cause.first=x")))
			.withMessageContaining("ledger_locked.cause.first");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ErrorDocumentationProperties.read(new StringReader("title=x")))
			.withMessageContaining("<code>.<field>");
	}

}
