package com.augno.errors.spring.format;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 9457 conformance of {@link ProblemDetailsErrorFormat}, member by member as section
 * 3 defines them, and the Augno fields as extension members that clash with none.
 */
class ProblemDetailsErrorFormatTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final ProblemDetailsErrorFormat format = new ProblemDetailsErrorFormat();

	@Test
	void isNamedProblemAndProducesProblemJson() {
		assertThat(this.format.name()).isEqualTo(ErrorFormat.PROBLEM);
		assertThat(this.format.mediaType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void writesTheStandardMembersWithTheirTypes() {
		ErrorBody body = this.format.render(ResolvedErrors.limitExceeded(Map.of(), "/sandbox/accounts"));
		// §3: the media type is application/problem+json.
		assertThat(body.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = MAPPER.readTree(body.body());
		assertThat(problem.isObject()).isTrue();
		// §3.1.1 type: a URI reference, here the code's absolute documentation URL.
		assertThat(problem.get("type").isString()).isTrue();
		assertThat(URI.create(problem.get("type").asString()).isAbsolute()).isTrue();
		assertThat(problem.get("type").asString()).isEqualTo("https://docs.augno.com/api/errors#limit_exceeded");
		// §3.1.2 status: a JSON number, the same as the response's status.
		assertThat(problem.get("status").isIntegralNumber()).isTrue();
		assertThat(problem.get("status").asInt()).isEqualTo(403);
		// §3.1.3 title: a string, the same for every occurrence of the type.
		assertThat(problem.get("title").isString()).isTrue();
		assertThat(problem.get("title").asString()).isEqualTo("Forbidden");
		// §3.1.4 detail: a string, this occurrence's explanation.
		assertThat(problem.get("detail").asString())
			.isEqualTo("You have reached the maximum number of sandbox accounts for your plan.");
		// §3.1.5 instance: a URI reference for this occurrence.
		assertThat(problem.get("instance").asString()).isEqualTo("/sandbox/accounts");
		assertThat(names(problem)).containsExactly("type", "title", "status", "detail", "instance", "code", "param",
				"is_transient", "request_log_url", "quota", "errors");
	}

	@Test
	void writesTheAugnoFieldsAsExtensionMembers() {
		JsonNode problem = MAPPER
			.readTree(this.format.render(ResolvedErrors.limitExceeded(Map.of(), "/sandbox/accounts")).body());
		assertThat(problem.get("code").asString()).isEqualTo("limit_exceeded");
		assertThat(problem.get("param").isNull()).isTrue();
		assertThat(problem.get("is_transient").isBoolean()).isTrue();
		assertThat(problem.get("request_log_url").asString())
			.isEqualTo("https://augno.com/dashboard/request-logs/" + ResolvedErrors.REQUEST_ID);
		assertThat(problem.get("quota").toString())
			.isEqualTo("{\"limit\":5,\"used\":5,\"reset_at\":\"2026-12-01T00:00:00Z\"}");
		assertThat(problem.get("errors").isArray()).isTrue();
		assertThat(problem.get("errors")).isEmpty();
	}

	@Test
	void keepsTheProtocolHeaders() {
		ErrorBody body = this.format.render(ResolvedErrors.limitExceeded(Map.of(), null));
		assertThat(body.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
	}

	@Test
	void listsEveryViolationInOrder() {
		JsonNode problem = MAPPER.readTree(this.format.render(ResolvedErrors.invalidBody()).body());
		assertThat(problem.get("param").asString()).isEqualTo("name");
		assertThat(problem.get("errors").toString()).isEqualTo("[{\"code\":\"missing_field\",\"param\":\"name\","
				+ "\"location\":\"body\",\"constraint\":\"NotBlank\",\"message\":\"Name is required.\"},"
				+ "{\"code\":\"invalid_format\",\"param\":\"email\",\"location\":\"body\",\"constraint\":\"Email\","
				+ "\"message\":\"Email must be a valid email address.\"},{\"code\":\"parameter_invalid\","
				+ "\"param\":\"limit\",\"location\":\"query\",\"constraint\":\"Positive\","
				+ "\"message\":\"Limit must be greater than zero.\"}]");
	}

	@Test
	void addsTheThrowersMembersButNeverOverAStandardOrAugnoMember() {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("tier", "free");
		members.put("status", "overridden");
		members.put("type", "about:blank");
		members.put("code", "other");
		members.put("limits", List.of(1, 2));
		JsonNode problem = MAPPER.readTree(this.format.render(ResolvedErrors.limitExceeded(members, null)).body());
		assertThat(problem.get("status").asInt()).isEqualTo(403);
		assertThat(problem.get("type").asString()).isEqualTo("https://docs.augno.com/api/errors#limit_exceeded");
		assertThat(problem.get("code").asString()).isEqualTo("limit_exceeded");
		assertThat(problem.get("tier").asString()).isEqualTo("free");
		assertThat(problem.get("limits").toString()).isEqualTo("[1,2]");
		List<String> names = names(problem);
		assertThat(names).doesNotHaveDuplicates().endsWith("tier", "limits");
	}

	@Test
	void aMemberThatCannotBeWrittenIsLeftOutNotTheAnswer() {
		JsonNode problem = MAPPER.readTree(this.format
			.render(ResolvedErrors.limitExceeded(Map.of("broken", new Unwritable()), "/sandbox/accounts"))
			.body());
		assertThat(problem.get("code").asString()).isEqualTo("limit_exceeded");
		assertThat(problem.has("broken")).isFalse();
	}

	@Test
	void leavesOutAnInstanceThatIsNotAUriReference() {
		JsonNode problem = MAPPER.readTree(this.format.render(ResolvedErrors.limitExceeded(Map.of(), "/%zz")).body());
		assertThat(problem.has("instance")).isFalse();
		assertThat(problem.get("status").asInt()).isEqualTo(403);
	}

	@Test
	void isUtf8() {
		byte[] body = this.format.render(ResolvedErrors.limitExceeded(Map.of("name", "Zoë"), null)).body();
		assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"name\":\"Zoë\"");
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	/**
	 * A value Jackson fails on.
	 */
	static final class Unwritable {

		public String getValue() {
			throw new IllegalStateException("cannot be written");
		}

	}

}
