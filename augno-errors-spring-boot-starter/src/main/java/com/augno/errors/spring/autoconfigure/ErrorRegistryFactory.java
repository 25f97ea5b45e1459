package com.augno.errors.spring.autoconfigure;

import java.util.Map;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.ErrorType;
import com.augno.errors.spring.mapping.FrameworkCodes;
import com.augno.errors.spring.properties.AugnoErrorsProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Builds the service's {@link ErrorRegistry} from {@code augno.errors.codes.*} and
 * {@code augno.errors.doc-urls.*}: the contract's codes, the framework's additional
 * codes, the service's own codes and the overrides of messages and doc URLs. A mistake
 * fails startup with an {@link InvalidAugnoErrorsConfigurationException} naming the
 * property that caused it.
 */
final class ErrorRegistryFactory {

	private static final String CODES = "augno.errors.codes.";

	private final AugnoErrorsProperties properties;

	ErrorRegistryFactory(AugnoErrorsProperties properties) {
		this.properties = properties;
	}

	ErrorRegistry create() {
		ErrorRegistry.Builder builder = ErrorRegistry.builder();
		FrameworkCodes.all().forEach(builder::registerBuiltIn);
		FrameworkCodes.documentation().forEach(builder::document);
		for (Map.Entry<String, AugnoErrorsProperties.Code> entry : this.properties.getCodes().entrySet()) {
			apply(builder, entry.getKey(), entry.getValue());
		}
		this.properties.getDocUrls().forEach((code, url) -> {
			try {
				builder.overrideDocUrl(code, url);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidAugnoErrorsConfigurationException("augno.errors.doc-urls." + code, url,
						ex.getMessage(), "Key augno.errors.doc-urls by a registered code (one of the contract's or one "
								+ "defined under augno.errors.codes) and give it a URL.",
						ex);
			}
		});
		return builder.build();
	}

	private static void apply(ErrorRegistry.Builder builder, String code, AugnoErrorsProperties.Code definition) {
		String property = CODES + code;
		if (builder.isBuiltIn(code)) {
			rejectRedefinition(code, "status", definition.getStatus());
			rejectRedefinition(code, "type", definition.getType());
			rejectRedefinition(code, "transient", definition.getTransient());
			if (definition.getMessage() != null) {
				try {
					builder.overrideMessage(code, definition.getMessage());
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidAugnoErrorsConfigurationException(property + ".message", definition.getMessage(),
							ex.getMessage(), "Give " + property + ".message a message, or remove it.", ex);
				}
			}
			return;
		}
		Integer status = definition.getStatus();
		if (status == null || status < 400 || status > 599) {
			throw new InvalidAugnoErrorsConfigurationException(property + ".status", status,
					"a service-defined code needs a status from 400 to 599",
					"Set " + property + ".status to the HTTP status of the code, such as 409 or 503.", null);
		}
		if (!StringUtils.hasText(definition.getMessage())) {
			throw new InvalidAugnoErrorsConfigurationException(property + ".message", definition.getMessage(),
					"a service-defined code needs a message",
					"Set " + property + ".message to the default message clients see, safe to show to end users.",
					null);
		}
		ErrorType type = (definition.getType() != null) ? definition.getType()
				: (status >= 500) ? ErrorType.API_ERROR : ErrorType.INVALID_REQUEST_ERROR;
		boolean isTransient = Boolean.TRUE.equals(definition.getTransient());
		try {
			builder.register(ErrorCode.of(code, status, type, isTransient, definition.getMessage()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAugnoErrorsConfigurationException(property, null, ex.getMessage(),
					"Name the code in lower snake case, such as ledger_locked, under augno.errors.codes.", ex);
		}
	}

	private static void rejectRedefinition(String code, String attribute, @Nullable Object value) {
		if (value != null) {
			throw new InvalidAugnoErrorsConfigurationException(CODES + code + "." + attribute, value,
					"'" + code + "' is built in: only its message can be overridden "
							+ "(and its doc URL, under augno.errors.doc-urls)",
					"Remove " + CODES + code + "." + attribute + ", or define a code of your own under another name.",
					null);
		}
	}

}
