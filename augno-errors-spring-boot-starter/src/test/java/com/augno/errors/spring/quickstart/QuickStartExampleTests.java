package com.augno.errors.spring.quickstart;

import com.augno.errors.spring.test.EnvelopeAssert;
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
	void unknownShippingTermIsResourceNotFoundWithParam() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/v1/shipping-terms/st_nope").exchange();
		assertThat(result).hasStatus(404).headers().hasValue("Cache-Control", "no-store");
		envelope(result)
			.is("resource_not_found", "invalid_request_error", "Shipping term not found.", "id", false,
					DOCS + "resource_not_found")
			.hasNoQuota();
	}

	@Test
	void serviceDefinedCodeUsesItsConfiguredStatusMessageAndLinks() throws Exception {
		MvcTestResult result = this.mvc.delete().uri("/v1/shipping-terms/st_net30").exchange();
		assertThat(result).hasStatus(423);
		envelope(result).is("shipping_term_locked", "invalid_request_error", "The shipping term is locked.", null,
				false, DOCS + "shipping_term_locked");
	}

	@Test
	void limitExceededCarriesTheQuota() throws Exception {
		MvcTestResult result = this.mvc.post().uri("/v1/sandboxes").exchange();
		assertThat(result).hasStatus(403);
		EnvelopeAssert envelope = envelope(result).is("limit_exceeded", "invalid_request_error",
				"You have reached the maximum number of sandbox accounts for your plan.", null, false,
				DOCS + "limit_exceeded");
		assertThat(envelope.error().get("quota").toString()).isEqualTo("{\"limit\":5,\"used\":5,\"reset_at\":null}");
	}

	@Test
	void reusedIdempotencyKeyIsAnIdempotencyError() throws Exception {
		MvcTestResult result = this.mvc.post().uri("/v1/payments").header("Idempotency-Key", "req_abc123").exchange();
		assertThat(result).hasStatus(400);
		envelope(result)
			.is("validation_failed", "idempotency_error",
					"Idempotency key 'req_abc123' was used with different request parameters; use a new key.", null,
					false, DOCS + "validation_failed")
			.hasNoQuota();
	}

	@Test
	void rateLimitSendsRetryAfter() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/v1/rates").exchange();
		assertThat(result).hasStatus(429).headers().hasValue("Retry-After", "30");
		envelope(result).is("rate_limit_exceeded", "invalid_request_error",
				"Too many requests. Please wait before trying again.", null, true, DOCS + "rate_limit_exceeded");
	}

	@Test
	void downstreamFailureHidesItsCauseAndLogsIt(CapturedOutput output) throws Exception {
		MvcTestResult result = this.mvc.get().uri("/v1/carriers/ups").exchange();
		assertThat(result).hasStatus(502);
		envelope(result).is("external_service_error", "api_error", "A downstream provider returned an error.", null,
				true, DOCS + "external_service_error");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("Connection refused");
		assertThat(output).contains("502 external_service_error for GET /v1/carriers/ups")
			.contains("java.io.IOException: Connection refused: carrier ups");
	}

	private static EnvelopeAssert envelope(MvcTestResult result) throws Exception {
		assertThat(result).headers().hasValue("Content-Type", "application/json");
		EnvelopeAssert envelope = EnvelopeAssert.assertEnvelope(result.getResponse().getContentAsString());
		assertThat(envelope.error().get("request_log_url").asString())
			.isEqualTo("https://dashboard.example.com/request-logs/" + result.getResponse().getHeader("Request-Id"));
		return envelope;
	}

}
