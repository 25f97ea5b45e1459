package com.augno.errors.spring.openapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorFactory;
import com.augno.errors.Quota;
import com.augno.errors.spring.servlet.ErrorResponseWriter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * Writes an operation's error responses: one per status, each listing its codes in the
 * {@value #EXTENSION} extension, with the envelope's schema and one example per code
 * rendered by the {@link ErrorResponseWriter} the server answers with, kept once among
 * the document's components. A response the application described with a schema of its
 * own is left as it is.
 *
 * @since 0.1.0
 */
public final class ErrorResponses {

	/**
	 * The extension that lists codes: on an operation all of its codes, on a response
	 * those of its status, on a path those its missing methods are answered with.
	 */
	public static final String EXTENSION = "x-augno-error-codes";

	/**
	 * The request id the examples' {@code request_log_url} is made with.
	 */
	static final String EXAMPLE_REQUEST_ID = "rq_fbv1ygmybo3eauykr74";

	private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

	// The prefix of the examples' names among the document's components.
	private static final String EXAMPLE_PREFIX = "AugnoError.";

	private static final String EXAMPLES_REF = "#/components/examples/";

	private static final Quota EXAMPLE_QUOTA = new Quota(5, 5, null);

	private final ErrorFactory errorFactory;

	private final ErrorResponseWriter writer;

	private final JsonMapper reader = JsonMapper.builder().build();

	private final Map<String, Map<String, Object>> examples = new ConcurrentHashMap<>();

	/**
	 * Create the responses writer.
	 * @param errorFactory the factory the server creates errors with
	 * @param writer the writer the server answers with
	 */
	public ErrorResponses(ErrorFactory errorFactory, ErrorResponseWriter writer) {
		this.errorFactory = errorFactory;
		this.writer = writer;
	}

	/**
	 * Add an operation's error responses, merged into those it already has. Their
	 * examples refer to the document's components, which {@link #addExamplesTo} adds.
	 * @param operation the operation
	 * @param codes its codes
	 * @return the codes it lists, those of responses the application described itself
	 * left out
	 */
	public List<ErrorCode> addTo(Operation operation, Collection<ErrorCode> codes) {
		Map<Integer, List<ErrorCode>> byStatus = new TreeMap<>();
		for (ErrorCode code : codes) {
			byStatus.computeIfAbsent(code.status(), (status) -> new ArrayList<>()).add(code);
		}
		ApiResponses responses = operation.getResponses();
		if (responses == null) {
			responses = new ApiResponses();
			operation.setResponses(responses);
		}
		Set<Integer> applications = new HashSet<>();
		for (Map.Entry<Integer, List<ErrorCode>> entry : byStatus.entrySet()) {
			String status = Integer.toString(entry.getKey());
			ApiResponse response = responses.get(status);
			if (response == null) {
				response = new ApiResponse().description(description(entry.getKey(), entry.getValue()));
				responses.addApiResponse(status, response);
			}
			else if (isApplicationsOwn(response)) {
				applications.add(entry.getKey());
				continue;
			}
			fill(response, entry.getValue());
		}
		List<ErrorCode> listed = codes.stream().filter((code) -> !applications.contains(code.status())).toList();
		operation.addExtension(EXTENSION, listed.stream().map(ErrorCode::code).toList());
		return listed;
	}

	/**
	 * Add the examples of codes to a document's components, once each, where the
	 * operations' responses refer to them rather than repeating them.
	 * @param openApi the document
	 * @param codes the codes the operations list
	 */
	public void addExamplesTo(OpenAPI openApi, Collection<ErrorCode> codes) {
		if (codes.isEmpty()) {
			return;
		}
		Components components = openApi.getComponents();
		if (components == null) {
			components = new Components();
			openApi.setComponents(components);
		}
		for (ErrorCode code : codes) {
			components.addExamples(exampleName(code), new Example().summary(code.message()).value(example(code)));
		}
	}

	private static String exampleName(ErrorCode code) {
		return EXAMPLE_PREFIX + code.code();
	}

	/**
	 * Return whether the application described a response itself, with a schema of its
	 * own (an {@code @ApiResponse}, or springdoc's reading of its
	 * {@code @ExceptionHandler}s): its own handler answers that status, so the envelope
	 * would be a false description.
	 */
	private static boolean isApplicationsOwn(ApiResponse response) {
		if (response.getExtensions() != null && response.getExtensions().containsKey(EXTENSION)) {
			return false;
		}
		if (response.get$ref() != null) {
			return true;
		}
		Content content = response.getContent();
		return content != null && content.values().stream().anyMatch((type) -> type.getSchema() != null);
	}

	private void fill(ApiResponse response, List<ErrorCode> codes) {
		response.addExtension(EXTENSION, codes.stream().map(ErrorCode::code).toList());
		Content content = response.getContent();
		if (content == null) {
			content = new Content();
			response.setContent(content);
		}
		MediaType json = content.get(JSON);
		if (json == null || json.getSchema() == null || json.getExamples() == null) {
			json = new MediaType().schema(ErrorEnvelopeSchemas.envelopeReference());
			content.addMediaType(JSON, json);
		}
		for (ErrorCode code : codes) {
			json.addExamples(code.code(), new Example().$ref(EXAMPLES_REF + exampleName(code)));
		}
	}

	/**
	 * Return the envelope the server writes for a code with its defaults, as the generic
	 * value the document's own serializer writes back unchanged.
	 */
	private Map<String, Object> example(ErrorCode code) {
		return this.examples.computeIfAbsent(code.code(), (name) -> {
			AugnoError error = this.errorFactory.create(code, null, null, null,
					code.code().equals(ErrorCodes.LIMIT_EXCEEDED.code()) ? EXAMPLE_QUOTA : null, EXAMPLE_REQUEST_ID);
			return this.reader.readValue(this.writer.toBytes(error),
					new TypeReference<LinkedHashMap<String, Object>>() {
					});
		});
	}

	private static String description(int status, List<ErrorCode> codes) {
		HttpStatus known = HttpStatus.resolve(status);
		String reason = (known != null) ? known.getReasonPhrase() : "Error";
		return reason + ": " + String.join(", ", codes.stream().map(ErrorCode::code).toList()) + ".";
	}

}
