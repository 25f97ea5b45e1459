package com.augno.errors.spring.quickstart;

import com.augno.errors.ErrorType;
import com.augno.errors.test.AugnoErrorAssert;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer of the README's Quick start controller, whole envelope and headers, with
 * the README's application.properties. gh-12
 */
@WebMvcTest(ShippingTermController.class)
@ExtendWith(OutputCaptureExtension.class)
class QuickStartExampleTests {

	private static final String DOCS = "https://docs.example.com/api/errors#";

	@Autowired
	private MockMvcTester mvc;

	@Test
	void knownShippingTermIsAnswered() {
		assertThat(this.mvc.get().uri("/v1/shipping-terms/st_net30")).hasStatusOk().bodyText().isEqualTo("Net 30");
	}

	@Test
	void unknownShippingTermIsResourceNotFoundWithParam() {
		AugnoErrorAssert error = AugnoErrors.assertThat(this.mvc.get().uri("/v1/shipping-terms/st_nope"))
			.isAugnoError("resource_not_found")
			.hasMessage("Shipping term not found.")
			.hasParam("id")
			.hasDocUrl(DOCS + "resource_not_found");
		assertThat(error.error().get("request_log_url").asString())
			.isEqualTo("https://dashboard.example.com/request-logs/" + error.requestId());
	}

	@Test
	void serviceDefinedCodeUsesItsConfiguredStatusMessageAndLinks() {
		AugnoErrors.assertThat(this.mvc.delete().uri("/v1/shipping-terms/st_net30"))
			.isAugnoError("shipping_term_locked", ErrorType.INVALID_REQUEST_ERROR)
			.hasStatus(423)
			.hasMessage("The shipping term is locked.")
			.hasNoParam()
			.isNotTransient()
			.hasDocUrl(DOCS + "shipping_term_locked");
	}

	@Test
	void limitExceededCarriesTheQuota() {
		AugnoErrors.assertThat(this.mvc.post().uri("/v1/sandboxes"))
			.isAugnoError("limit_exceeded")
			.hasMessage("You have reached the maximum number of sandbox accounts for your plan.")
			.hasNoParam()
			.hasQuota(5, 5, null)
			.hasDocUrl(DOCS + "limit_exceeded");
	}

	@Test
	void reusedIdempotencyKeyIsAnIdempotencyError() {
		AugnoErrors.assertThat(this.mvc.post().uri("/v1/payments").header("Idempotency-Key", "req_abc123"))
			.isAugnoError("validation_failed", ErrorType.IDEMPOTENCY_ERROR)
			.hasMessage("Idempotency key 'req_abc123' was used with different request parameters; use a new key.")
			.hasNoParam()
			.isNotTransient()
			.hasNoQuota()
			.hasDocUrl(DOCS + "validation_failed");
	}

	@Test
	void rateLimitSendsRetryAfter() {
		MvcTestResult result = this.mvc.get().uri("/v1/rates").exchange();
		assertThat(result).headers().hasValue("Retry-After", "30");
		AugnoErrors.assertThat(result)
			.isAugnoError("rate_limit_exceeded")
			.hasMessage("Too many requests. Please wait before trying again.")
			.hasNoParam()
			.hasDocUrl(DOCS + "rate_limit_exceeded");
	}

	@Test
	void downstreamFailureHidesItsCauseAndLogsIt(CapturedOutput output) throws Exception {
		MvcTestResult result = this.mvc.get().uri("/v1/carriers/ups").exchange();
		AugnoErrors.assertThat(result)
			.isAugnoError("external_service_error")
			.hasMessage("A downstream provider returned an error.")
			.hasNoParam()
			.hasDocUrl(DOCS + "external_service_error");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("Connection refused");
		assertThat(output).contains("502 external_service_error for GET /v1/carriers/ups")
			.contains("java.io.IOException: Connection refused: carrier ups");
	}

}
