package com.augno.errors.spring.autoconfigure;

import java.util.Map;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.ErrorType;
import com.augno.errors.spring.mapping.FrameworkCodes;
import com.augno.errors.spring.properties.AugnoErrorsProperties;

import org.springframework.util.StringUtils;

/**
 * Builds the service's {@link ErrorRegistry} from {@code augno.errors.codes.*} and
 * {@code augno.errors.doc-urls.*}: the contract's codes, the framework's additional
 * codes, the service's own codes and the overrides of messages and doc URLs. A mistake
 * fails startup with the property that caused it.
 */
final class ErrorRegistryFactory {

	private final AugnoErrorsProperties properties;

	ErrorRegistryFactory(AugnoErrorsProperties properties) {
		this.properties = properties;
	}

	ErrorRegistry create() {
		ErrorRegistry.Builder builder = ErrorRegistry.builder();
		FrameworkCodes.all().forEach(builder::register);
		for (Map.Entry<String, AugnoErrorsProperties.Code> entry : this.properties.getCodes().entrySet()) {
			String property = "augno.errors.codes." + entry.getKey();
			try {
				apply(builder, entry.getKey(), entry.getValue(), property);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(property + ": " + ex.getMessage(), ex);
			}
		}
		this.properties.getDocUrls().forEach((code, url) -> {
			try {
				builder.overrideDocUrl(code, url);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("augno.errors.doc-urls." + code + ": " + ex.getMessage(), ex);
			}
		});
		return builder.build();
	}

	private static void apply(ErrorRegistry.Builder builder, String code, AugnoErrorsProperties.Code definition,
			String property) {
		boolean builtIn = ErrorCodes.contract().stream().anyMatch((c) -> c.code().equals(code))
				|| FrameworkCodes.all().stream().anyMatch((c) -> c.code().equals(code));
		if (builtIn) {
			if (definition.getStatus() != null || definition.getType() != null || definition.getTransient() != null) {
				throw new IllegalArgumentException("'" + code + "' is built in: only its message can be overridden "
						+ "(and its doc URL, under augno.errors.doc-urls)");
			}
			if (definition.getMessage() != null) {
				builder.overrideMessage(code, definition.getMessage());
			}
			return;
		}
		Integer status = definition.getStatus();
		if (status == null) {
			throw new IllegalArgumentException("a service-defined code needs a status (400 to 599)");
		}
		if (!StringUtils.hasText(definition.getMessage())) {
			throw new IllegalArgumentException("a service-defined code needs a message");
		}
		ErrorType type = (definition.getType() != null) ? definition.getType()
				: (status >= 500) ? ErrorType.API_ERROR : ErrorType.INVALID_REQUEST_ERROR;
		boolean isTransient = Boolean.TRUE.equals(definition.getTransient());
		builder.register(ErrorCode.of(code, status, type, isTransient, definition.getMessage()));
	}

}
