package com.augno.errors.spring.openapi;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.FrameworkCodes;
import com.augno.errors.spring.web.DeclaredErrorCodes;
import com.augno.errors.spring.web.ExclusiveParameters;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.http.HttpEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.WebAsyncTask;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/**
 * Works out from a handler's signature the codes the starter's mappers can answer its
 * requests with, in the order the document lists them:
 * <ul>
 * <li>a {@code @RequestBody}: {@code validation_failed}, {@code invalid_format},
 * {@code missing_field} (an unreadable body, or Bean Validation of a {@code @Valid} one)
 * and {@code unsupported_media_type};</li>
 * <li>a multipart part: {@code missing_field}, {@code request_too_large},
 * {@code unsupported_media_type};</li>
 * <li>a {@code @PathVariable}: {@code resource_not_found};</li>
 * <li>a query parameter, header or cookie: {@code parameter_missing} when it is required
 * without a default or carries a presence constraint ({@code @NotNull},
 * {@code @NotBlank}, {@code @NotEmpty}), {@code parameter_invalid} when its value is
 * converted from text (any type but {@code String}) or carries another constraint; a
 * {@code @ModelAttribute}: {@code parameter_invalid};</li>
 * <li>{@code @ExclusiveParameters}: {@code parameters_exclusive};
 * {@code augno.errors.reject-unknown-parameters}: {@code parameter_unknown}, unless the
 * handler takes every parameter as a map;</li>
 * <li>a response body or a declared {@code produces}: {@code not_acceptable}; an
 * asynchronous result ({@code DeferredResult}, {@code Callable}, {@code WebAsyncTask},
 * {@code CompletionStage}): {@code request_timeout};</li>
 * <li>method security ({@code @PreAuthorize}, {@code @PostAuthorize}, {@code @Secured},
 * {@code @RolesAllowed}, {@code @DenyAll}): the {@code 401} codes and
 * {@code insufficient_permissions};</li>
 * <li>API versioning: {@code api_version_invalid}, {@code api_version_too_old}, and
 * {@code api_version_required} unless a default version is configured;</li>
 * <li>the codes it declares with {@code @PossibleErrors}; and {@code internal_error},
 * always.</li>
 * </ul>
 * URL rules of Spring Security are decided per path by an {@link OperationAccess};
 * {@code method_not_allowed} concerns the methods a path does not have, so the document
 * lists it on the path, not on an operation.
 *
 * @since 0.1.0
 */
public final class OperationErrorRules {

	private static final String CONSTRAINT = "jakarta.validation.Constraint";

	private static final Set<String> PRESENCE_CONSTRAINTS = Set.of("jakarta.validation.constraints.NotNull",
			"jakarta.validation.constraints.NotBlank", "jakarta.validation.constraints.NotEmpty");

	private static final List<String> METHOD_SECURITY = List.of(
			"org.springframework.security.access.prepost.PreAuthorize",
			"org.springframework.security.access.prepost.PostAuthorize",
			"org.springframework.security.access.annotation.Secured", "jakarta.annotation.security.RolesAllowed",
			"jakarta.annotation.security.DenyAll");

	private static final List<Class<?>> ASYNC_RESULTS = List.of(DeferredResult.class, Callable.class,
			WebAsyncTask.class, CompletionStage.class);

	private final ErrorRegistry registry;

	private final boolean rejectUnknownParameters;

	private final Supplier<@Nullable ApiVersioning> apiVersioning;

	/**
	 * Create the rules.
	 * @param registry the registry the codes are resolved in
	 * @param rejectUnknownParameters whether undeclared query parameters are rejected
	 * @param apiVersioning how the application versions its API, asked when the first
	 * document is generated; {@code null} when it does not
	 */
	public OperationErrorRules(ErrorRegistry registry, boolean rejectUnknownParameters,
			Supplier<@Nullable ApiVersioning> apiVersioning) {
		this.registry = registry;
		this.rejectUnknownParameters = rejectUnknownParameters;
		this.apiVersioning = apiVersioning;
	}

	/**
	 * Return the codes a handler's requests can be answered with.
	 * @param handler the handler method
	 * @return the registered codes, without repeats
	 */
	public Set<ErrorCode> codes(HandlerMethod handler) {
		Set<ErrorCode> codes = new LinkedHashSet<>();
		boolean acceptsAnyParameter = false;
		for (MethodParameter parameter : handler.getMethodParameters()) {
			acceptsAnyParameter |= addParameterCodes(parameter, codes);
		}
		if (!AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), ExclusiveParameters.class)
			.isEmpty()
				|| !AnnotatedElementUtils
					.findMergedRepeatableAnnotations(handler.getBeanType(), ExclusiveParameters.class)
					.isEmpty()) {
			codes.add(ErrorCodes.PARAMETERS_EXCLUSIVE);
		}
		if (this.rejectUnknownParameters && !acceptsAnyParameter) {
			codes.add(ErrorCodes.PARAMETER_UNKNOWN);
		}
		if (hasResponseBody(handler) || declaresProduces(handler)) {
			codes.add(FrameworkCodes.NOT_ACCEPTABLE);
		}
		if (isAsync(handler)) {
			codes.add(ErrorCodes.REQUEST_TIMEOUT);
		}
		if (hasMethodSecurity(handler)) {
			codes.addAll(unauthenticated(this.registry));
			codes.add(ErrorCodes.INSUFFICIENT_PERMISSIONS);
		}
		ApiVersioning versioning = this.apiVersioning.get();
		if (versioning != null) {
			if (versioning.required()) {
				codes.add(ErrorCodes.API_VERSION_REQUIRED);
			}
			codes.add(ErrorCodes.API_VERSION_INVALID);
			codes.add(ErrorCodes.API_VERSION_TOO_OLD);
		}
		for (String declared : DeclaredErrorCodes.of(handler)) {
			ErrorCode code = this.registry.find(declared);
			if (code != null) {
				codes.add(code);
			}
		}
		codes.add(ErrorCodes.INTERNAL_ERROR);
		return resolved(codes);
	}

	/**
	 * Return the registry's codes for a request without valid credentials: every code
	 * with status 401.
	 * @param registry the registry
	 * @return the codes
	 */
	static List<ErrorCode> unauthenticated(ErrorRegistry registry) {
		return registry.codes().stream().filter((code) -> code.status() == 401).toList();
	}

	/**
	 * Add what one parameter can fail with.
	 * @return whether the parameter takes every query parameter
	 */
	private static boolean addParameterCodes(MethodParameter parameter, Set<ErrorCode> codes) {
		Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
		if (parameter.hasParameterAnnotation(RequestBody.class)) {
			codes.addAll(List.of(ErrorCodes.VALIDATION_FAILED, ErrorCodes.INVALID_FORMAT, ErrorCodes.MISSING_FIELD,
					FrameworkCodes.UNSUPPORTED_MEDIA_TYPE));
			return false;
		}
		if (parameter.hasParameterAnnotation(RequestPart.class) || MultipartFile.class.isAssignableFrom(type)) {
			codes.addAll(List.of(ErrorCodes.MISSING_FIELD, FrameworkCodes.REQUEST_TOO_LARGE,
					FrameworkCodes.UNSUPPORTED_MEDIA_TYPE));
			return false;
		}
		PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
		if (pathVariable != null) {
			codes.add(ErrorCodes.RESOURCE_NOT_FOUND);
			addValueCodes(parameter, type, false, codes);
			return false;
		}
		if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
			codes.add(ErrorCodes.PARAMETER_INVALID);
			return false;
		}
		RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
		if (requestParam != null) {
			if (Map.class.isAssignableFrom(type) || MultiValueMap.class.isAssignableFrom(type)) {
				return !StringUtils.hasText(requestParam.name());
			}
			addValueCodes(parameter, type, isRequired(parameter, requestParam.required(), requestParam.defaultValue()),
					codes);
			return false;
		}
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null) {
			if (!Map.class.isAssignableFrom(type)) {
				addValueCodes(parameter, type, isRequired(parameter, header.required(), header.defaultValue()), codes);
			}
			return false;
		}
		CookieValue cookie = parameter.getParameterAnnotation(CookieValue.class);
		if (cookie != null) {
			addValueCodes(parameter, type, isRequired(parameter, cookie.required(), cookie.defaultValue()), codes);
			return false;
		}
		if (parameter.getParameterAnnotations().length == 0 && BeanUtils.isSimpleProperty(type)) {
			// Spring binds it like an optional @RequestParam.
			addValueCodes(parameter, type, false, codes);
		}
		return false;
	}

	private static boolean isRequired(MethodParameter parameter, boolean required, String defaultValue) {
		return required && ValueConstants.DEFAULT_NONE.equals(defaultValue) && !parameter.isOptional();
	}

	private static void addValueCodes(MethodParameter parameter, Class<?> type, boolean required,
			Set<ErrorCode> codes) {
		if (required) {
			codes.add(ErrorCodes.PARAMETER_MISSING);
		}
		if (!CharSequence.class.isAssignableFrom(type) && type != Object.class) {
			codes.add(ErrorCodes.PARAMETER_INVALID);
		}
		for (Annotation annotation : parameter.getParameterAnnotations()) {
			if (isConstraint(annotation)) {
				codes.add(PRESENCE_CONSTRAINTS.contains(annotation.annotationType().getName())
						? ErrorCodes.PARAMETER_MISSING : ErrorCodes.PARAMETER_INVALID);
			}
		}
	}

	private static boolean isConstraint(Annotation annotation) {
		return Arrays.stream(annotation.annotationType().getAnnotations())
			.anyMatch((meta) -> meta.annotationType().getName().equals(CONSTRAINT));
	}

	private static boolean hasResponseBody(HandlerMethod handler) {
		MethodParameter returnType = handler.getReturnType();
		Class<?> type = returnType.getParameterType();
		if (type == void.class || type == Void.class) {
			return false;
		}
		if (HttpEntity.class.isAssignableFrom(type)) {
			Class<?> body = ResolvableType.forMethodParameter(returnType).as(HttpEntity.class).resolveGeneric(0);
			return body != Void.class;
		}
		return true;
	}

	private static boolean declaresProduces(HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		return mapping != null && mapping.produces().length > 0;
	}

	private static boolean isAsync(HandlerMethod handler) {
		Class<?> type = handler.getReturnType().getParameterType();
		return ASYNC_RESULTS.stream().anyMatch((async) -> async.isAssignableFrom(type));
	}

	private static boolean hasMethodSecurity(HandlerMethod handler) {
		return METHOD_SECURITY.stream()
			.anyMatch((name) -> MergedAnnotations.from(handler.getMethod(), SearchStrategy.TYPE_HIERARCHY)
				.isPresent(name)
					|| MergedAnnotations.from(handler.getBeanType(), SearchStrategy.TYPE_HIERARCHY).isPresent(name));
	}

	/**
	 * Return the codes as the registry holds them, leaving out any it does not hold.
	 */
	private Set<ErrorCode> resolved(Collection<ErrorCode> codes) {
		Set<ErrorCode> resolved = new LinkedHashSet<>();
		for (ErrorCode code : codes) {
			ErrorCode registered = this.registry.find(code.code());
			if (registered != null) {
				resolved.add(registered);
			}
		}
		return resolved;
	}

	/**
	 * How the application versions its API.
	 *
	 * @param required whether a request without a version is refused
	 */
	public record ApiVersioning(boolean required) {

	}

}
