package com.augno.errors.spring.autoconfigure;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.ErrorType;
import com.augno.errors.FrameworkCodes;
import com.augno.errors.spring.catalogue.ErrorCatalogue;
import com.augno.errors.spring.catalogue.InvalidErrorCatalogueException;
import com.augno.errors.spring.properties.AugnoErrorsProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Builds the service's {@link ErrorRegistry} from its {@link ErrorCatalogue},
 * {@code augno.errors.codes.*} and {@code augno.errors.doc-urls.*}: the contract's codes
 * and the framework's additional codes (unless the catalogue replaces them), the
 * catalogue's codes, the service's own codes and the overrides of messages and doc URLs.
 * A mistake fails startup with an {@link InvalidAugnoErrorsConfigurationException} naming
 * the property, or the catalogue file and key, that caused it.
 */
final class ErrorRegistryFactory {

	private static final String CODES = "augno.errors.codes.";

	private final AugnoErrorsProperties properties;

	private final ErrorCatalogue catalogue;

	private final Set<String> catalogueCodes = new HashSet<>();

	ErrorRegistryFactory(AugnoErrorsProperties properties) {
		this(properties, ErrorCatalogue.none());
	}

	ErrorRegistryFactory(AugnoErrorsProperties properties, ErrorCatalogue catalogue) {
		this.properties = properties;
		this.catalogue = catalogue;
	}

	/**
	 * Return the startup failure that reports a catalogue mistake: the file and key as
	 * the property, the value, the reason and the fix.
	 * @param ex the mistake
	 * @return the exception to throw
	 */
	static InvalidAugnoErrorsConfigurationException invalid(InvalidErrorCatalogueException ex) {
		return new InvalidAugnoErrorsConfigurationException(ex.getKey() + " in " + ex.getLocation(), ex.getValue(),
				ex.getReason(), ex.getAction(), ex);
	}

	ErrorRegistry create() {
		ErrorRegistry.Builder builder = ErrorRegistry.builder();
		FrameworkCodes.all().forEach(builder::registerBuiltIn);
		FrameworkCodes.documentation().forEach(builder::document);
		try {
			applyCatalogue(builder);
		}
		catch (InvalidErrorCatalogueException ex) {
			throw invalid(ex);
		}
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

	private void applyCatalogue(ErrorRegistry.Builder builder) {
		boolean replace = this.catalogue.mode() == ErrorCatalogue.Mode.REPLACE;
		if (replace) {
			if (this.catalogue.codes().isEmpty()) {
				throw fault("codes", null, "a catalogue that replaces Augno's declares codes of its own",
						"Declare the service's codes under codes:, or set mode: extend.");
			}
			builder.replaceBuiltIns().codeSyntax(ErrorCode.CODE_SYNTAX);
		}
		Pattern syntax = this.catalogue.codeSyntax();
		if (syntax != null) {
			builder.codeSyntax(syntax);
		}
		for (ErrorCatalogue.Entry entry : this.catalogue.codes()) {
			if (builder.isBuiltIn(entry.code())) {
				overrideBuiltIn(builder, entry);
			}
			else {
				register(builder, entry);
			}
			this.catalogueCodes.add(entry.code());
		}
		for (ErrorCatalogue.Entry entry : this.catalogue.codes()) {
			List<String> replaced = entry.replaces();
			for (int i = 0; i < replaced.size(); i++) {
				String key = "codes." + entry.code() + ".replaces[" + i + "]";
				if (!replace) {
					throw fault(key, replaced.get(i), "only a catalogue with mode: replace replaces Augno's codes",
							"Set mode: replace at the top of the catalogue, or remove " + key + ".");
				}
				try {
					builder.replace(replaced.get(i), entry.code());
				}
				catch (IllegalArgumentException ex) {
					throw fault(key, replaced.get(i), replacementFault(replaced.get(i), ex),
							"Name one of the framework's codes (see the README's list) once, under the code that "
									+ "answers its failures.");
				}
			}
		}
	}

	private static String replacementFault(String replaced, IllegalArgumentException ex) {
		if (ex.getMessage().contains("is already replaced")) {
			return ex.getMessage();
		}
		List<String> suggestions = ErrorRegistry.standard().suggestionsFor(replaced);
		return "'" + replaced + "' is not one of the framework's codes"
				+ (suggestions.isEmpty() ? "" : "; did you mean '" + suggestions.get(0) + "'?");
	}

	private void overrideBuiltIn(ErrorRegistry.Builder builder, ErrorCatalogue.Entry entry) {
		String key = "codes." + entry.code();
		rejectInCatalogue(entry.code(), "status", entry.status());
		rejectInCatalogue(entry.code(), "type", entry.type());
		rejectInCatalogue(entry.code(), "transient", entry.isTransient());
		if (!entry.replaces().isEmpty()) {
			throw fault(key + ".replaces", entry.replaces(), "'" + entry.code() + "' is one of Augno's codes", "Remove "
					+ key + ".replaces; a code of your own replaces Augno's in a catalogue with " + "mode: replace.");
		}
		if (entry.message() != null) {
			builder.overrideMessage(entry.code(), entry.message());
		}
		if (entry.docUrl() != null) {
			builder.overrideDocUrl(entry.code(), entry.docUrl());
		}
		if (!entry.documentation().isEmpty()) {
			builder.document(entry.code(), entry.documentation());
		}
	}

	private void register(ErrorRegistry.Builder builder, ErrorCatalogue.Entry entry) {
		String key = "codes." + entry.code();
		Integer status = entry.status();
		if (status == null) {
			throw fault(key + ".status", null, "a code of the service's own needs a status from 400 to 599",
					"Set " + key + ".status to the HTTP status of the code, such as 409 or 503.");
		}
		if (entry.message() == null) {
			throw fault(key + ".message", null, "a code of the service's own needs a message",
					"Set " + key + ".message to the default message clients see, safe to show to end users.");
		}
		ErrorType type = (entry.type() != null) ? entry.type()
				: (status >= 500) ? ErrorType.API_ERROR : ErrorType.INVALID_REQUEST_ERROR;
		try {
			builder.register(new ErrorCode(entry.code(), status, type, Boolean.TRUE.equals(entry.isTransient()),
					entry.message(), entry.docUrl()));
		}
		catch (IllegalArgumentException ex) {
			throw fault(key, null, ex.getMessage(),
					"Name the code to match the catalogue's code-syntax, or declare the syntax of your codes "
							+ "with code-syntax.");
		}
		if (!entry.documentation().isEmpty()) {
			builder.document(entry.code(), entry.documentation());
		}
	}

	private void rejectInCatalogue(String code, String attribute, @Nullable Object value) {
		if (value != null) {
			throw fault("codes." + code + "." + attribute, value,
					"'" + code + "' is one of Augno's codes: only its message, doc-url and documentation can be "
							+ "given",
					"Remove codes." + code + "." + attribute + ", or declare a code of your own under another name.");
		}
	}

	private InvalidErrorCatalogueException fault(String key, @Nullable Object value, String reason, String action) {
		return new InvalidErrorCatalogueException(String.valueOf(this.catalogue.location()), key, value, reason, action,
				null);
	}

	private void apply(ErrorRegistry.Builder builder, String code, AugnoErrorsProperties.Code definition) {
		String property = CODES + code;
		if (builder.isBuiltIn(code) || this.catalogueCodes.contains(code)) {
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

	private void rejectRedefinition(String code, String attribute, @Nullable Object value) {
		if (value != null) {
			throw new InvalidAugnoErrorsConfigurationException(CODES + code + "." + attribute, value,
					"'" + code + "' is "
							+ (this.catalogueCodes.contains(code) ? "declared in " + this.catalogue.location()
									: "built in")
							+ ": only its message can be overridden (and its doc URL, under augno.errors.doc-urls)",
					"Remove " + CODES + code + "." + attribute + ", or define a code of your own under another name.",
					null);
		}
	}

}
