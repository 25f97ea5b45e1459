package com.augno.errors.spring.codes;

import java.util.List;

import com.augno.errors.spring.codes.registered.LedgerController;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The scanner finds the code constants passed to {@code AugnoException.of} with the
 * class, method and line that pass them.
 */
class ErrorCodeScannerTests {

	private final ErrorCodeScanner scanner = new ErrorCodeScanner(getClass().getClassLoader());

	@Test
	void findsConstantsPassedAloneOrWithACause() throws Exception {
		List<ErrorCodeUsage> usages = this.scanner.scan(List.of(LedgerController.class.getPackageName()));
		assertThat(usages).extracting(ErrorCodeUsage::code, ErrorCodeUsage::methodName)
			.containsExactlyInAnyOrder(tuple("resource_not_found", "find"), tuple("ledger_locked", "lock"),
					tuple("external_service_error", "sync"));
		assertThat(usages).allSatisfy((usage) -> {
			assertThat(usage.className()).isEqualTo(LedgerController.class.getName());
			assertThat(usage.line()).isPositive();
		});
	}

	@Test
	void namesTheLocationAsAStackTraceFrameDoes() throws Exception {
		assertThat(this.scanner.scan(List.of("com.augno.errors.spring.codes.misspelt")))
			.extracting(ErrorCodeUsage::code, ErrorCodeUsage::location)
			.containsExactlyInAnyOrder(tuple("shiping_term_not_found",
					"com.augno.errors.spring.codes.misspelt.ShippingTermController.find(ShippingTermController.java:11)"),
					tuple("resouce_not_found",
							"com.augno.errors.spring.codes.misspelt.ShippingTermController.delete(ShippingTermController.java:15)"));
	}

	@Test
	void readsNothingOutsideTheGivenPackages() throws Exception {
		assertThat(this.scanner.scan(List.of("com.augno.errors.spring.codes.nothing"))).isEmpty();
	}

}
