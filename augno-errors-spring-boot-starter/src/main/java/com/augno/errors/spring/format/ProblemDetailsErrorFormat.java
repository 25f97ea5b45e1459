package com.augno.errors.spring.format;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.augno.errors.spring.mapping.Violation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * RFC 9457 problem details, as {@code application/problem+json}: {@code type} is the
 * code's documentation link, {@code title} the code's title, {@code status} the HTTP
 * status, {@code detail} the message and {@code instance} the path the client asked for
 * (left out when unknown or not a URI reference); the Augno fields follow as extension
 * members ({@code code}, {@code param}, {@code is_transient}, {@code request_log_url},
 * {@code quota}, and {@code errors}, every violation), then the thrower's own extension
 * members, except one whose name is taken.
 * <p>
 * It writes with its own mapper: Spring's Jackson 3 converter built from a ready
 * {@code JsonMapper} does not register {@code ProblemDetailJacksonMixin}, and the
 * application's naming strategy must not rename the members.
 *
 * @since 0.1.0
 */
public final class ProblemDetailsErrorFormat implements ErrorFormat {

	/**
	 * The members this format writes itself, which a thrower's extension member cannot
	 * replace.
	 */
	public static final Set<String> RESERVED_MEMBERS = Set.of("type", "title", "status", "detail", "instance", "code",
			"param", "is_transient", "request_log_url", "quota", "errors");

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Override
	public String name() {
		return PROBLEM;
	}

	@Override
	public MediaType mediaType() {
		return MediaType.APPLICATION_PROBLEM_JSON;
	}

	@Override
	public ErrorBody render(ResolvedError error) {
		Map<String, Object> problem = standardMembers(error);
		byte[] body;
		if (error.members().isEmpty()) {
			body = this.mapper.writeValueAsBytes(problem);
		}
		else {
			Map<String, Object> extended = new LinkedHashMap<>(problem);
			error.members().forEach((name, value) -> {
				if (!RESERVED_MEMBERS.contains(name)) {
					extended.put(name, value);
				}
			});
			try {
				body = this.mapper.writeValueAsBytes(extended);
			}
			catch (JacksonException ex) {
				// A member that cannot be written must not cost the client its answer.
				body = this.mapper.writeValueAsBytes(problem);
			}
		}
		return new ErrorBody(body, MediaType.APPLICATION_PROBLEM_JSON, error.headers());
	}

	/**
	 * Whether a path can be the {@code instance}, a URI reference: a path the client sent
	 * with a malformed escape ({@code /%zz}) cannot, and is left out.
	 */
	private static boolean isUriReference(@Nullable String instance) {
		if (instance == null) {
			return false;
		}
		try {
			new URI(instance);
			return true;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static Map<String, Object> standardMembers(ResolvedError error) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", error.docUrl());
		problem.put("title", error.title());
		problem.put("status", error.status());
		problem.put("detail", error.message());
		if (isUriReference(error.instance())) {
			problem.put("instance", error.instance());
		}
		problem.put("code", error.code());
		problem.put("param", error.param());
		problem.put("is_transient", error.isTransient());
		problem.put("request_log_url", error.requestLogUrl());
		problem.put("quota", error.quota());
		List<Map<String, Object>> errors = new ArrayList<>(error.violations().size());
		for (Violation violation : error.violations()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("code", violation.code().code());
			item.put("param", violation.param());
			item.put("location", violation.location().wireName());
			item.put("constraint", violation.constraint());
			item.put("message", violation.message());
			errors.add(item);
		}
		problem.put("errors", errors);
		return problem;
	}

}
