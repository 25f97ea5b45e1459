package com.augno.errors.sample;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's published OpenAPI document, read with swagger-parser, answering which
 * codes it declares for a request.
 */
final class PublishedContract {

	private static final String EXTENSION = "x-augno-error-codes";

	private final OpenAPI openApi;

	private PublishedContract(OpenAPI openApi) {
		this.openApi = openApi;
	}

	/**
	 * Parse a document, failing on any message of the parser.
	 * @param json the document
	 * @return the contract
	 */
	static PublishedContract parse(String json) {
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(json);
		assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
		assertThat(result.getOpenAPI()).isNotNull();
		return new PublishedContract(result.getOpenAPI());
	}

	/**
	 * Return the document.
	 * @return the parsed document
	 */
	OpenAPI openApi() {
		return this.openApi;
	}

	/**
	 * Return where a code answered to a request is declared: on the request's operation
	 * (listed by the operation and by its response for the status), or, for a method the
	 * path does not have, on the path.
	 * @param method the request's method
	 * @param path the request's path
	 * @param status the status answered
	 * @return the codes declared there
	 */
	List<String> declared(String method, String path, int status) {
		Map.Entry<String, PathItem> item = pathItem(path);
		assertThat(item).as("a documented path matching %s", path).isNotNull();
		Operation operation = item.getValue().readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
		if (operation == null) {
			return codes(item.getValue().getExtensions());
		}
		ApiResponse response = operation.getResponses().get(Integer.toString(status));
		List<String> onOperation = codes(operation.getExtensions());
		List<String> onResponse = (response != null) ? codes(response.getExtensions()) : List.of();
		return onOperation.stream().filter(onResponse::contains).toList();
	}

	private Map.@Nullable Entry<String, PathItem> pathItem(String path) {
		PathContainer concrete = PathContainer.parsePath(path);
		return this.openApi.getPaths()
			.entrySet()
			.stream()
			.filter((entry) -> PathPatternParser.defaultInstance.parse(entry.getKey()).matches(concrete))
			.min(Map.Entry.comparingByKey((a, b) -> Long.compare(variables(a), variables(b))))
			.orElse(null);
	}

	private static long variables(String template) {
		return template.chars().filter((c) -> c == '{').count();
	}

	private static List<String> codes(@Nullable Map<String, Object> extensions) {
		Object codes = (extensions != null) ? extensions.get(EXTENSION) : null;
		return (codes instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
	}

}
