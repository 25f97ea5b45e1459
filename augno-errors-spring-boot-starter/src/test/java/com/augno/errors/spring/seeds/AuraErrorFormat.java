package com.augno.errors.spring.seeds;

// tag::aura-format[]
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.format.ErrorBody;
import com.augno.errors.spring.format.ErrorFormat;
import com.augno.errors.spring.format.ResolvedError;
import com.augno.errors.spring.mapping.Violation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aura's errors: {"error", "error_code", "detail"}. A failure the framework answers
 * itself (a catalogue code that replaces one of the framework's) has no error_code and
 * the catalogue's message, as FastAPI's own errors; a validation failure lists every
 * violation.
 */
public class AuraErrorFormat implements ErrorFormat {

	private static final Set<String> MISSING = Set.of("NotNull", "NotBlank", "NotEmpty");

	private final JsonMapper json = JsonMapper.builder().build();

	private final ErrorRegistry registry;

	public AuraErrorFormat(ErrorRegistry registry) {
		this.registry = registry;
	}

	@Override
	public String name() {
		return "aura";
	}

	@Override
	public ErrorBody render(ResolvedError error) {
		Map<String, Object> body = new LinkedHashMap<>();
		boolean framework = !this.registry.replaces(error.code()).isEmpty();
		String message = framework ? error.entry().message() : error.message();
		body.put("error", message);
		if (error.violations().isEmpty()) {
			body.put("error_code", framework ? null : error.code());
			body.put("detail", message);
		}
		else {
			body.put("detail", error.violations().stream().map(AuraErrorFormat::detail).toList());
		}
		return ErrorBody.json(this.json.writeValueAsBytes(body), error.headers());
	}

	private static Map<String, Object> detail(Violation violation) {
		List<Object> loc = new ArrayList<>(List.of(violation.location().wireName()));
		if (violation.param() != null) {
			loc.addAll(List.of(violation.param().split("\\.")));
		}
		boolean missing = MISSING.contains(violation.constraint());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("loc", loc);
		detail.put("msg", missing ? "field required" : violation.message());
		detail.put("type", missing ? "value_error.missing" : "value_error");
		return detail;
	}

}
// end::aura-format[]
