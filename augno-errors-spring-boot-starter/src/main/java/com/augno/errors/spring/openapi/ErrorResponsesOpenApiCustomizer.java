package com.augno.errors.spring.openapi;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Adds the envelope's schemas to the document and writes every operation's error
 * responses: the codes its handler allows, the {@code 401} and {@code 403} codes when the
 * {@link OperationAccess} says credentials are needed, and {@code internal_error} always.
 * A path the starter does not answer ({@code augno.errors.paths}) gets none; a path it
 * does lists {@code method_not_allowed} in its own {@value ErrorResponses#EXTENSION}
 * extension, for the methods it does not have.
 *
 * @since 0.1.0
 */
public final class ErrorResponsesOpenApiCustomizer implements GlobalOpenApiCustomizer {

	private final ErrorRegistry registry;

	private final ErrorEnvelopeSchemas schemas;

	private final ErrorResponses responses;

	private final OperationAccess access;

	private final ApplicationAnsweredCodes answeredCodes;

	private final List<PathPattern> paths;

	/**
	 * Create the customizer.
	 * @param registry the registry the server answers with
	 * @param responses the writer of error responses
	 * @param access who may call an operation
	 * @param paths the path patterns whose failures the starter answers; empty for every
	 * path
	 * @param answeredCodes tells the codes the application's own handlers answer
	 */
	public ErrorResponsesOpenApiCustomizer(ErrorRegistry registry, ErrorResponses responses, OperationAccess access,
			List<String> paths, ApplicationAnsweredCodes answeredCodes) {
		this.registry = registry;
		this.answeredCodes = answeredCodes;
		this.schemas = new ErrorEnvelopeSchemas(registry);
		this.responses = responses;
		this.access = access;
		this.paths = paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	public void customise(OpenAPI openApi) {
		this.schemas.addTo(openApi);
		if (openApi.getPaths() == null) {
			return;
		}
		Set<ErrorCode> listed = new TreeSet<>(Comparator.comparing(ErrorCode::code));
		openApi.getPaths().forEach((path, item) -> {
			boolean answered = isAnswered(path);
			if (answered && !this.answeredCodes.answers(ErrorCodes.METHOD_NOT_ALLOWED, null)) {
				item.addExtension(ErrorResponses.EXTENSION, List.of(ErrorCodes.METHOD_NOT_ALLOWED.code()));
			}
			for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
				Operation operation = entry.getValue();
				if (answered) {
					listed.addAll(this.responses.addTo(operation, codes(entry.getKey().name(), path, operation)));
				}
				else if (operation.getExtensions() != null) {
					operation.getExtensions().remove(ErrorResponses.EXTENSION);
				}
			}
		});
		this.responses.addExamplesTo(openApi, listed);
	}

	private Set<ErrorCode> codes(String method, String path, Operation operation) {
		Set<ErrorCode> codes = new LinkedHashSet<>();
		Object recorded = (operation.getExtensions() != null) ? operation.getExtensions().get(ErrorResponses.EXTENSION)
				: null;
		if (recorded instanceof List<?> names) {
			for (Object name : names) {
				ErrorCode code = this.registry.find(String.valueOf(name));
				if (code != null) {
					codes.add(code);
				}
			}
		}
		OperationAccess.Access access = this.access.of(method, path);
		if (access != OperationAccess.Access.PUBLIC) {
			codes.addAll(OperationErrorRules.unauthenticated(this.registry));
		}
		if (access == OperationAccess.Access.AUTHORIZED) {
			ErrorCode forbidden = this.registry.find(ErrorCodes.INSUFFICIENT_PERMISSIONS.code());
			if (forbidden != null) {
				codes.add(forbidden);
			}
		}
		// An operation of a handler method had its codes worked out, internal_error among
		// them unless the application's own handlers answer it; any other can fail too.
		ErrorCode internal = this.registry.find(ErrorCodes.INTERNAL_ERROR.code());
		if (internal != null && !(recorded instanceof List)) {
			codes.add(internal);
		}
		return codes;
	}

	private boolean isAnswered(String path) {
		if (this.paths.isEmpty()) {
			return true;
		}
		PathContainer concrete = PathContainer.parsePath(OperationPaths.concrete(path));
		return this.paths.stream().anyMatch((pattern) -> pattern.matches(concrete));
	}

}
