package com.augno.errors.spring.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import com.augno.errors.ErrorDocumentation;
import com.augno.errors.ErrorType;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.util.ClassUtils;

/**
 * Reads an {@link ErrorCatalogue} from a YAML ({@code .yaml}, {@code .yml}) or JSON
 * ({@code .json}) resource, strictly: an unknown key, a duplicate code, a status outside
 * 400–599, an unknown type, a value of the wrong kind or a malformed file is an
 * {@link InvalidErrorCatalogueException} naming the resource and the key. Whether a code
 * may be declared as it is (a built-in code redefined, a status missing) is checked when
 * the registry is built, where the built-in codes are known.
 * <p>
 * YAML is read with SnakeYAML, which every application on {@code spring-boot-starter}
 * has; JSON with Jackson.
 *
 * @since 0.1.0
 */
public final class ErrorCatalogueReader {

	private static final Set<String> TOP_KEYS = Set.of("mode", "code-syntax", "codes");

	private static final List<String> CODE_KEYS = List.of("status", "type", "transient", "message", "doc-url", "title",
			"description", "causes", "resolution", "replaces");

	private static final boolean YAML_PRESENT = ClassUtils.isPresent("org.yaml.snakeyaml.Yaml",
			ErrorCatalogueReader.class.getClassLoader());

	/**
	 * Read a catalogue.
	 * @param resource the resource, which must exist
	 * @param location how the resource was named, for messages
	 * @return the catalogue
	 * @throws InvalidErrorCatalogueException if it is missing, malformed or invalid
	 */
	public ErrorCatalogue read(Resource resource, String location) {
		if (!resource.exists()) {
			throw new InvalidErrorCatalogueException(location, "(file)", null, "the catalogue does not exist",
					"Create it, or point augno.errors.catalogue.location at the catalogue, such as "
							+ "classpath:augno-errors.yaml.",
					null);
		}
		Object tree;
		try (InputStream in = resource.getInputStream()) {
			tree = parse(location, in);
		}
		catch (IOException ex) {
			throw new InvalidErrorCatalogueException(location, "(file)", null,
					"the catalogue cannot be read: " + ex.getMessage(), "Make the file readable.", ex);
		}
		return toCatalogue(location, tree);
	}

	private static @Nullable Object parse(String location, InputStream in) throws IOException {
		String name = location.toLowerCase(Locale.ROOT);
		if (name.endsWith(".json")) {
			return JsonCatalogueParser.parse(location, in);
		}
		if (name.endsWith(".yaml") || name.endsWith(".yml")) {
			if (!YAML_PRESENT) {
				throw new InvalidErrorCatalogueException(location, "(file)", null,
						"reading a YAML catalogue needs SnakeYAML (org.yaml:snakeyaml) on the class path",
						"Add org.yaml:snakeyaml (spring-boot-starter brings it), or write the catalogue as JSON.",
						null);
			}
			return YamlCatalogueParser.parse(location, in);
		}
		throw new InvalidErrorCatalogueException(location, "(file)", null, "a catalogue is a .yaml, .yml or .json file",
				"Rename the catalogue to say which format it is in.", null);
	}

	private static ErrorCatalogue toCatalogue(String location, @Nullable Object tree) {
		Map<?, ?> top = map(location, "(top level)", tree);
		rejectUnknownKeys(location, "", top, TOP_KEYS);
		ErrorCatalogue.Mode mode = mode(location, top.get("mode"));
		Pattern syntax = codeSyntax(location, top.get("code-syntax"));
		if (!top.containsKey("codes")) {
			throw new InvalidErrorCatalogueException(location, "codes", null, "the catalogue declares no codes",
					"Declare the codes under codes:, one mapping per code.", null);
		}
		Map<?, ?> codes = map(location, "codes", top.get("codes"));
		List<ErrorCatalogue.Entry> entries = new ArrayList<>();
		codes.forEach((code, definition) -> entries.add(entry(location, String.valueOf(code), definition)));
		return new ErrorCatalogue(location, mode, syntax, entries);
	}

	private static ErrorCatalogue.Mode mode(String location, @Nullable Object value) {
		if (value == null) {
			return ErrorCatalogue.Mode.EXTEND;
		}
		return switch (String.valueOf(value)) {
			case "extend" -> ErrorCatalogue.Mode.EXTEND;
			case "replace" -> ErrorCatalogue.Mode.REPLACE;
			default ->
				throw new InvalidErrorCatalogueException(location, "mode", value, "the mode is extend or replace",
						"Set mode to extend (Augno's codes and yours) or replace (yours alone).", null);
		};
	}

	private static @Nullable Pattern codeSyntax(String location, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		try {
			return Pattern.compile(string(location, "code-syntax", value));
		}
		catch (PatternSyntaxException ex) {
			throw new InvalidErrorCatalogueException(location, "code-syntax", value,
					"not a regular expression: " + ex.getDescription(),
					"Give the pattern a whole code matches, such as ^[A-Z][A-Z0-9_]*$.", ex);
		}
	}

	private static ErrorCatalogue.Entry entry(String location, String code, @Nullable Object value) {
		String key = "codes." + code;
		Map<?, ?> definition = map(location, key, value);
		rejectUnknownKeys(location, key + ".", definition, CODE_KEYS);
		ErrorDocumentation documentation = new ErrorDocumentation(
				optionalString(location, key + ".title", definition.get("title")),
				optionalString(location, key + ".description", definition.get("description")),
				strings(location, key + ".causes", definition.get("causes")),
				optionalString(location, key + ".resolution", definition.get("resolution")));
		return new ErrorCatalogue.Entry(code, status(location, key + ".status", definition.get("status")),
				type(location, key + ".type", definition.get("type")),
				bool(location, key + ".transient", definition.get("transient")),
				optionalString(location, key + ".message", definition.get("message")),
				optionalString(location, key + ".doc-url", definition.get("doc-url")), documentation,
				strings(location, key + ".replaces", definition.get("replaces")));
	}

	private static @Nullable Integer status(String location, String key, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		Integer status = (value instanceof Integer number) ? number
				: (value instanceof String text && text.matches("\\d{3}")) ? Integer.valueOf(text) : null;
		if (status == null || status < 400 || status > 599) {
			throw new InvalidErrorCatalogueException(location, key, value, "an error status is from 400 to 599",
					"Set " + key + " to the HTTP status of the code, such as 404 or 503.", null);
		}
		return status;
	}

	private static @Nullable ErrorType type(String location, String key, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		ErrorType type = ErrorType.find(String.valueOf(value));
		if (type == null) {
			String types = Arrays.stream(ErrorType.values()).map(ErrorType::wireName).collect(Collectors.joining(", "));
			throw new InvalidErrorCatalogueException(location, key, value, "unknown type; the types are " + types,
					"Set " + key + " to one of " + types + ", or remove it (api_error from status 500, "
							+ "invalid_request_error below).",
					null);
		}
		return type;
	}

	private static @Nullable Boolean bool(String location, String key, @Nullable Object value) {
		if (value == null || value instanceof Boolean) {
			return (Boolean) value;
		}
		throw new InvalidErrorCatalogueException(location, key, value, "expected true or false",
				"Set " + key + " to true if retrying may succeed after a delay, else false.", null);
	}

	private static @Nullable String optionalString(String location, String key, @Nullable Object value) {
		return (value != null) ? string(location, key, value) : null;
	}

	private static String string(String location, String key, Object value) {
		if (value instanceof String text && !text.isBlank()) {
			return text;
		}
		throw new InvalidErrorCatalogueException(location, key, value, "expected a text",
				"Give " + key + " a text, or remove it.", null);
	}

	private static List<String> strings(String location, String key, @Nullable Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof String text) {
			return List.of(string(location, key, text));
		}
		if (value instanceof List<?> list) {
			List<String> strings = new ArrayList<>();
			for (int i = 0; i < list.size(); i++) {
				strings.add(string(location, key + "[" + i + "]", list.get(i)));
			}
			return strings;
		}
		throw new InvalidErrorCatalogueException(location, key, value, "expected a list of texts",
				"Give " + key + " a list, such as [first, second].", null);
	}

	private static Map<?, ?> map(String location, String key, @Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			return map;
		}
		throw new InvalidErrorCatalogueException(location, key, value, "expected a mapping of keys to values",
				"Write " + key + " as a mapping (key: value lines in YAML, an object in JSON).", null);
	}

	private static void rejectUnknownKeys(String location, String prefix, Map<?, ?> map, Iterable<String> known) {
		for (Object key : map.keySet()) {
			boolean isKnown = false;
			for (String candidate : known) {
				isKnown |= candidate.equals(key);
			}
			if (!isKnown) {
				throw new InvalidErrorCatalogueException(location, prefix + key, null, "unknown key",
						"Remove it, or use one of: " + String.join(", ", known) + ".", null);
			}
		}
	}

}
