package com.augno.errors.spring.seeds;

// tag::nested-format[]
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.augno.errors.ErrorRegistry;
import com.augno.errors.Quota;
import com.augno.errors.spring.format.ErrorBody;
import com.augno.errors.spring.format.ErrorFormat;
import com.augno.errors.spring.format.ResolvedError;
import com.augno.errors.spring.mapping.Violation;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

/**
 * The nested envelope: {"code": status, "status": "error", "message": the code's title,
 * "error": {"code", "message", "details", extension members}}, and a quota as the
 * X-RateLimit-* headers.
 */
public class NestedEnvelopeErrorFormat implements ErrorFormat {

	private static final Set<String> MISSING = Set.of("NotNull", "NotBlank", "NotEmpty");

	private final JsonMapper json = JsonMapper.builder().build();

	private final ErrorRegistry registry;

	public NestedEnvelopeErrorFormat(ErrorRegistry registry) {
		this.registry = registry;
	}

	@Override
	public String name() {
		return "nested";
	}

	@Override
	public ErrorBody render(ResolvedError error) {
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("code", error.code());
		inner.put("message", error.message());
		if (!error.violations().isEmpty()) {
			Violation first = error.violations().get(0);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("field", first.param());
			details.put("constraint", MISSING.contains(first.constraint()) ? "required" : first.constraint());
			inner.put("details", details);
		}
		error.members().forEach(inner::putIfAbsent);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", error.status());
		body.put("status", "error");
		String title = this.registry.documentation(error.code()).title();
		if (title != null) {
			body.put("message", title);
		}
		body.put("error", inner);
		return ErrorBody.json(this.json.writeValueAsBytes(body), headers(error));
	}

	private static HttpHeaders headers(ResolvedError error) {
		Quota quota = error.quota();
		if (quota == null) {
			return error.headers();
		}
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-RateLimit-Limit", Long.toString(quota.limit()));
		headers.set("X-RateLimit-Remaining", Long.toString(Math.max(0, quota.limit() - quota.used())));
		if (quota.resetAt() != null) {
			headers.set("X-RateLimit-Reset", Long.toString(quota.resetAt().getEpochSecond()));
		}
		headers.addAll(error.headers());
		return headers;
	}

}
// end::nested-format[]
