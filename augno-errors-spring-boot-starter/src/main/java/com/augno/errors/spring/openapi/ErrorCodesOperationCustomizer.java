package com.augno.errors.spring.openapi;

import java.util.List;

import com.augno.errors.ErrorCode;
import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.web.method.HandlerMethod;

/**
 * Records on each operation, in the {@value ErrorResponses#EXTENSION} extension, the
 * codes its handler's signature and declarations allow ({@link OperationErrorRules}); the
 * {@link ErrorResponsesOpenApiCustomizer} then adds what depends on the path and writes
 * the responses.
 *
 * @since 0.1.0
 */
public final class ErrorCodesOperationCustomizer implements GlobalOperationCustomizer {

	private final OperationErrorRules rules;

	private final ApplicationAnsweredCodes answeredCodes;

	/**
	 * Create the customizer.
	 * @param rules the rules that work out a handler's codes
	 * @param answeredCodes tells the codes the application's own handlers answer, which
	 * are left out
	 */
	public ErrorCodesOperationCustomizer(OperationErrorRules rules, ApplicationAnsweredCodes answeredCodes) {
		this.rules = rules;
		this.answeredCodes = answeredCodes;
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		List<String> codes = this.rules.codes(handlerMethod)
			.stream()
			.filter((code) -> !this.answeredCodes.answers(code, handlerMethod.getBeanType()))
			.map(ErrorCode::code)
			.toList();
		operation.addExtension(ErrorResponses.EXTENSION, codes);
		return operation;
	}

}
