package com.augno.errors.spring.mapping;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import com.augno.errors.ErrorCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Maps Spring MVC's validation failures ({@link MethodArgumentNotValidException},
 * {@link BindException}, {@link HandlerMethodValidationException}) to one error. A body
 * field gives {@code missing_field}, {@code invalid_format} or {@code validation_failed}
 * and is named by its JSON path; a query, path or header parameter gives
 * {@code parameter_missing} or {@code parameter_invalid} and is named as the client sent
 * it. Of several violations the one reported is chosen deterministically: missing before
 * format before any other, then by parameter position, then by the declaration order of
 * the fields.
 *
 * @since 0.1.0
 */
public final class ValidationExceptionMapper implements ExceptionMapper {

	private final JsonPropertyPaths paths;

	/**
	 * Create a mapper.
	 * @param paths translates Java property paths into JSON paths
	 */
	public ValidationExceptionMapper(JsonPropertyPaths paths) {
		this.paths = paths;
	}

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		List<ViolationCandidate> candidates = new ArrayList<>();
		if (throwable instanceof MethodArgumentNotValidException ex) {
			addErrors(candidates, ex.getParameter(), ex.getBindingResult());
		}
		else if (throwable instanceof BindException ex) {
			addErrors(candidates, null, ex.getBindingResult());
		}
		else if (throwable instanceof HandlerMethodValidationException ex) {
			if (ex.isForReturnValue()) {
				return MappedError.of(ErrorCodes.INTERNAL_ERROR);
			}
			for (ParameterValidationResult result : ex.getParameterValidationResults()) {
				if (result instanceof ParameterErrors errors) {
					addErrors(candidates, result.getMethodParameter(), errors);
				}
				else {
					addParameterErrors(candidates, result);
				}
			}
		}
		else {
			return null;
		}
		return ViolationCandidate.toMappedError(candidates);
	}

	/**
	 * Map the binding result of a {@code @Valid} argument as {@link #map(Throwable)} maps
	 * a {@link MethodArgumentNotValidException} (a {@link BindException} without a
	 * parameter), for a stack that reports it in another exception, without creating one.
	 * @param parameter the validated parameter, or {@code null} when unknown
	 * @param result the binding result
	 * @return the error
	 */
	MappedError map(@Nullable MethodParameter parameter, BindingResult result) {
		List<ViolationCandidate> candidates = new ArrayList<>();
		addErrors(candidates, parameter, result);
		return ViolationCandidate.toMappedError(candidates);
	}

	@Override
	public int getOrder() {
		return VALIDATION_ORDER;
	}

	private void addErrors(List<ViolationCandidate> candidates, @Nullable MethodParameter parameter, Errors errors) {
		boolean body = parameter != null && (parameter.hasParameterAnnotation(RequestBody.class)
				|| parameter.hasParameterAnnotation(RequestPart.class));
		int parameterIndex = (parameter != null) ? parameter.getParameterIndex() : 0;
		Violation.Location location = body ? Violation.Location.BODY
				: (parameter != null) ? WireNames.location(parameter) : Violation.Location.QUERY;
		Type rootType = rootType(parameter, errors);
		for (FieldError error : errors.getFieldErrors()) {
			Constraint constraint = Constraint.of(error, error.getRejectedValue());
			JsonPropertyPaths.Resolved resolved = this.paths.resolve(rootType, error.getField());
			String path = body ? resolved.jsonPath() : error.getField();
			String param = Echoes.param(path);
			ConstraintMessages.Text message = ConstraintMessages.text(constraint, Echoes.label(path));
			candidates.add(new ViolationCandidate(constraint.category(), body, parameterIndex,
					resolved.declarationKey(), param, message, constraint.name(), location));
		}
		for (ObjectError error : errors.getGlobalErrors()) {
			Constraint constraint = Constraint.of(error, null);
			String message = (constraint.explicitMessage() != null) ? constraint.explicitMessage()
					: "The request is not valid.";
			candidates.add(new ViolationCandidate(Constraint.Category.OTHER, body, parameterIndex,
					List.of(Integer.MAX_VALUE), null, message, constraint.name(), location, null));
		}
	}

	private void addParameterErrors(List<ViolationCandidate> candidates, ParameterValidationResult result) {
		MethodParameter parameter = result.getMethodParameter();
		String name = WireNames.of(parameter);
		for (MessageSourceResolvable error : result.getResolvableErrors()) {
			Constraint constraint = Constraint.of(result, error);
			candidates.add(new ViolationCandidate(constraint.category(), false, parameter.getParameterIndex(),
					List.of(), name, ConstraintMessages.text(constraint, WireNames.label(parameter, name)),
					constraint.name(), WireNames.location(parameter)));
		}
	}

	/**
	 * The type of the validated object: the parameter's declared type with its type
	 * arguments (such as {@code Page<Item>}) when the object is of that class, else the
	 * object's own class.
	 */
	private static Type rootType(@Nullable MethodParameter parameter, Errors errors) {
		Object target = null;
		if (errors instanceof BindingResult bindingResult) {
			target = bindingResult.getTarget();
		}
		else if (errors instanceof ParameterErrors parameterErrors) {
			target = parameterErrors.getArgument();
		}
		if (parameter == null) {
			return (target != null) ? target.getClass() : Object.class;
		}
		if (target == null || target.getClass() == parameter.getNestedParameterType()) {
			return parameter.getNestedGenericParameterType();
		}
		return target.getClass();
	}

}
