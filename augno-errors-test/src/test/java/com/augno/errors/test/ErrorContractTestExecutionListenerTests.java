package com.augno.errors.test;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorLinks;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.ErrorType;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a Spring test the assertions check against the application's registry, links and
 * request id header, found in its context without being handed them.
 */
@SpringJUnitConfig(ErrorContractTestExecutionListenerTests.Application.class)
@TestPropertySource(properties = "augno.errors.request-id.response-header=X-Request-Id")
class ErrorContractTestExecutionListenerTests {

	@Test
	void theCurrentContractIsTheApplications() {
		ErrorContract contract = ErrorContract.current();
		assertThat(contract.registry().find("shelf_empty")).isNotNull();
		assertThat(contract.links().docBaseUrl()).isEqualTo("https://docs.example.com/errors");
		assertThat(contract.requestIdHeader()).isEqualTo("X-Request-Id");
	}

	@Test
	void anAssertionChecksAgainstTheApplicationsContract() {
		String body = """
				{"error":{"code":"shelf_empty","type":"invalid_request_error","message":"The shelf is empty.",\
				"param":null,"doc_url":"https://docs.example.com/errors#shelf_empty","is_transient":false,\
				"quota":null,"request_log_url":"https://logs.example.com/rq_7"}}""";
		HttpHeaders headers = new HttpHeaders();
		headers.set("Content-Type", "application/json");
		headers.set("Cache-Control", "no-store");
		headers.set("X-Request-Id", "rq_7");
		AugnoErrors.assertThat(CapturedResponse.of(409, headers, body))
			.isAugnoError("shelf_empty")
			.hasNoParam()
			.hasRequestId("rq_7");
	}

	@Configuration(proxyBeanMethods = false)
	static class Application {

		@Bean
		ErrorRegistry errorRegistry() {
			return ErrorRegistry.builder()
				.register(
						ErrorCode.of("shelf_empty", 409, ErrorType.INVALID_REQUEST_ERROR, false, "The shelf is empty."))
				.build();
		}

		@Bean
		ErrorLinks errorLinks() {
			return new ErrorLinks("https://docs.example.com/errors", "https://logs.example.com/{request_id}");
		}

	}

}
