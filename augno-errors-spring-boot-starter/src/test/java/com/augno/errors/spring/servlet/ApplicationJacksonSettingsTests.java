package com.augno.errors.spring.servlet;

import com.augno.errors.AugnoException;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's Jackson settings change its own JSON, never the envelope's.
 */
@WebMvcTest(properties = { "spring.jackson.property-naming-strategy=UPPER_CAMEL_CASE",
		"spring.jackson.default-property-inclusion=non_null", "spring.jackson.serialization.indent-output=true" })
class ApplicationJacksonSettingsTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void theApplicationsOwnJsonFollowsItsSettings() {
		assertThat(this.mvc.get().uri("/own").exchange()).hasStatusOk()
			.bodyText()
			.contains("\"FirstName\" : \"Ann\"")
			.doesNotContain("LastName");
	}

	@Test
	void theEnvelopeKeepsItsKeysOrderAndNulls() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/fail").exchange();
		assertThat(result).hasStatus(404);
		String body = result.getResponse().getContentAsString();
		assertThat(body).startsWith("{\"error\":{\"code\":\"resource_not_found\"").contains("\"param\":null");
		AugnoErrors.assertThat(result)
			.isAugnoError("resource_not_found")
			.hasMessage("The requested resource was not found.")
			.hasNoParam();
	}

	@SpringBootConfiguration
	@Import(Controller.class)
	static class Config {

	}

	@RestController
	static class Controller {

		@GetMapping("/own")
		Person own() {
			return new Person("Ann", null);
		}

		@GetMapping("/fail")
		Person fail() {
			throw AugnoException.of("resource_not_found");
		}

	}

	record Person(String firstName, String lastName) {
	}

}
