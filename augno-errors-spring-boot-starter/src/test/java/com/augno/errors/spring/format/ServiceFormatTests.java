package com.augno.errors.spring.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.augno.errors.AugnoException;
import com.augno.errors.spring.mapping.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's own format is one bean: it becomes the default, sees every violation with
 * its location, the thrower's extension members and the protocol headers, and sets its
 * own headers.
 */
@WebMvcTest
class ServiceFormatTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void theServicesFormatRendersEveryViolationWithItsLocation() throws Exception {
		MvcTestResult result = this.mvc.post()
			.uri("/service/users")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"nope\"}")
			.exchange();
		assertThat(result).hasStatus(400);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/json");
		assertThat(result.getResponse().getHeader("X-Error-Code")).isEqualTo("missing_field");
		assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo("{\"error\":\"Name is required.\",\"error_code\":\"missing_field\",\"detail\":["
					+ "{\"loc\":[\"body\",\"name\"],\"msg\":\"Name is required.\",\"type\":\"NotBlank\"},"
					+ "{\"loc\":[\"body\",\"email\"],\"msg\":\"Email must be a valid email address.\","
					+ "\"type\":\"Email\"}]}");
	}

	@Test
	void theServicesFormatSeesTheThrowersMembersAndProtocolHeaders() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/service/limited").exchange();
		assertThat(result).hasStatus(429);
		assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("60");
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo("{\"error\":\"Too many requests. Please wait before trying again.\","
					+ "\"error_code\":\"rate_limit_exceeded\",\"detail\":{\"tier\":\"public_key\",\"retry_after\":"
					+ "\"60\"}}");
	}

	@SpringBootConfiguration
	@Import(Api.class)
	static class Config {

		@Bean
		ErrorFormat auraFormat() {
			return new AuraLikeFormat();
		}

	}

	@RestController
	static class Api {

		@PostMapping("/service/users")
		String register(@Valid @RequestBody Registration registration) {
			return "ok";
		}

		@GetMapping("/service/limited")
		String limited() {
			throw AugnoException.of("rate_limit_exceeded")
				.retryAfter(java.time.Duration.ofSeconds(60))
				.member("tier", "public_key");
		}

	}

	record Registration(@NotBlank String name, @Email String email) {

	}

	/**
	 * A format in the style of seed 002: the message, the code, and a detail that lists
	 * violations or carries the members.
	 */
	static final class AuraLikeFormat implements ErrorFormat {

		private final JsonMapper mapper = JsonMapper.builder().build();

		@Override
		public String name() {
			return "aura";
		}

		@Override
		public ErrorBody render(ResolvedError error) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("error", error.message());
			body.put("error_code", error.code());
			if (!error.violations().isEmpty()) {
				List<Map<String, Object>> detail = new ArrayList<>();
				for (Violation violation : error.violations()) {
					Map<String, Object> item = new LinkedHashMap<>();
					item.put("loc", List.of(violation.location().wireName(), violation.param()));
					item.put("msg", violation.message());
					item.put("type", violation.constraint());
					detail.add(item);
				}
				body.put("detail", detail);
			}
			else {
				Map<String, Object> detail = new LinkedHashMap<>(error.members());
				detail.put("retry_after", error.retryAfter());
				body.put("detail", detail);
			}
			HttpHeaders headers = new HttpHeaders();
			headers.putAll(error.headers());
			headers.set("X-Error-Code", error.code());
			return ErrorBody.json(this.mapper.writeValueAsBytes(body), headers);
		}

	}

}
