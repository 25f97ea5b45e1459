package com.augno.errors.spring.mapping;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import com.augno.errors.ErrorCodes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.jspecify.annotations.Nullable;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.SynthesizingMethodParameter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Maps Bean Validation's {@link ConstraintViolationException}, raised by a
 * {@code @Validated} controller, like Spring MVC's own validation failures: a handler
 * parameter gives {@code parameter_missing} or {@code parameter_invalid} under its wire
 * name; a field of a request body, or of a bean validated by hand, gives the body codes
 * under its JSON path. A return value, a parameter of a method that is no web handler (a
 * {@code @Validated} service's) and a JPA entity (validated by Hibernate as it is
 * written) are the server's and give {@code internal_error}, as without the starter: the
 * client never sent that parameter under that name, and the server may have built the
 * value itself.
 *
 * @since 0.1.0
 */
public final class ConstraintViolationExceptionMapper implements ExceptionMapper {

	private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

	// By name: JPA is no dependency of the starter.
	private static final String JPA_ENTITY = "jakarta.persistence.Entity";

	private final JsonPropertyPaths paths;

	/**
	 * Create a mapper.
	 * @param paths translates Java property paths into JSON paths
	 */
	public ConstraintViolationExceptionMapper(JsonPropertyPaths paths) {
		this.paths = paths;
	}

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (!(throwable instanceof ConstraintViolationException ex)) {
			return null;
		}
		List<ViolationCandidate> candidates = new ArrayList<>();
		for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
			ViolationCandidate candidate = candidate(violation);
			if (candidate == null) {
				return MappedError.of(ErrorCodes.INTERNAL_ERROR);
			}
			candidates.add(candidate);
		}
		return ViolationCandidate.toMappedError(candidates);
	}

	@Override
	public int getOrder() {
		return VALIDATION_ORDER;
	}

	/**
	 * Describe one violation, or return {@code null} for one that is the server's: a
	 * violated return value, or a parameter of a method that is no web handler.
	 */
	private @Nullable ViolationCandidate candidate(ConstraintViolation<?> violation) {
		Constraint constraint = Constraint.of(violation);
		Path.MethodNode method = null;
		Path.ParameterNode parameter = null;
		StringBuilder subPath = new StringBuilder();
		for (Path.Node node : violation.getPropertyPath()) {
			ElementKind kind = node.getKind();
			if (kind == ElementKind.RETURN_VALUE) {
				return null;
			}
			if (kind == ElementKind.METHOD) {
				method = node.as(Path.MethodNode.class);
			}
			else if (kind == ElementKind.PARAMETER) {
				parameter = node.as(Path.ParameterNode.class);
			}
			else if (kind == ElementKind.PROPERTY || kind == ElementKind.CONTAINER_ELEMENT) {
				appendNode(subPath, node);
			}
		}
		Class<?> rootType = ClassUtils.getUserClass(violation.getRootBeanClass());
		String constraintName = constraint.name();
		if (parameter == null && isPersistentEntity(rootType)) {
			return null;
		}
		if (parameter == null) {
			JsonPropertyPaths.Resolved resolved = this.paths.resolve(rootType, subPath.toString());
			String path = resolved.jsonPath();
			return new ViolationCandidate(constraint.category(), true, 0, resolved.declarationKey(), Echoes.param(path),
					ConstraintMessages.text(constraint, Echoes.label(path)), constraintName, Violation.Location.BODY);
		}
		if (!AnnotatedElementUtils.hasAnnotation(rootType, Controller.class)) {
			return null;
		}
		MethodParameter methodParameter = methodParameter(rootType, method, parameter.getParameterIndex());
		String name = (methodParameter != null) ? WireNames.of(methodParameter, parameter.getName())
				: parameter.getName();
		int index = parameter.getParameterIndex();
		if (subPath.isEmpty()) {
			String label = (methodParameter != null) ? WireNames.label(methodParameter, name) : Labels.of(name);
			return new ViolationCandidate(constraint.category(), false, index, List.of(), name,
					ConstraintMessages.text(constraint, label), constraintName,
					(methodParameter != null) ? WireNames.location(methodParameter) : Violation.Location.QUERY);
		}
		boolean body = methodParameter != null && methodParameter.hasParameterAnnotation(RequestBody.class);
		Type parameterType = (methodParameter != null) ? methodParameter.getGenericParameterType() : Object.class;
		String javaPath = subPath.toString();
		JsonPropertyPaths.Resolved resolved = this.paths.resolve(parameterType, javaPath);
		String path = body ? resolved.jsonPath() : name + "." + javaPath;
		return new ViolationCandidate(constraint.category(), body, index, resolved.declarationKey(), Echoes.param(path),
				ConstraintMessages.text(constraint, Echoes.label(path)), constraintName, body ? Violation.Location.BODY
						: (methodParameter != null) ? WireNames.location(methodParameter) : Violation.Location.QUERY);
	}

	/**
	 * Return whether a type is a JPA entity, which Hibernate validates as it writes it
	 * (at a flush or a commit): its values are the server's to have checked, whatever the
	 * client sent, as a field a service forgot to set shows.
	 */
	private static boolean isPersistentEntity(Class<?> type) {
		for (Annotation annotation : type.getAnnotations()) {
			if (JPA_ENTITY.equals(annotation.annotationType().getName())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Append a node: Bean Validation puts the index of an element on the node that
	 * follows the iterable, so {@code items[0].sku} arrives as {@code items}, then
	 * {@code sku} at 0.
	 */
	private static void appendNode(StringBuilder path, Path.Node node) {
		if (node.isInIterable()) {
			if (node.getIndex() != null) {
				path.append('[').append(node.getIndex()).append(']');
			}
			else if (node.getKey() != null) {
				path.append('[').append(node.getKey()).append(']');
			}
		}
		if (node.getName() != null && !node.getName().startsWith("<")) {
			if (!path.isEmpty()) {
				path.append('.');
			}
			path.append(node.getName());
		}
	}

	private static @Nullable MethodParameter methodParameter(Class<?> type, Path.@Nullable MethodNode node, int index) {
		if (node == null) {
			return null;
		}
		Method method = ReflectionUtils.findMethod(type, node.getName(),
				node.getParameterTypes().toArray(new Class<?>[0]));
		if (method == null || index >= method.getParameterCount()) {
			return null;
		}
		// Synthesized, so that @RequestParam("page_size") reads as name = "page_size".
		MethodParameter parameter = SynthesizingMethodParameter.forExecutable(method, index);
		parameter.initParameterNameDiscovery(PARAMETER_NAMES);
		return parameter;
	}

}
