package com.augno.errors;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Reads {@link ErrorDocumentation} from a properties file, one entry per code:
 * {@code <code>.title}, {@code <code>.description}, {@code <code>.cause.1},
 * {@code <code>.cause.2}, … and {@code <code>.resolution}. It is how the contract's own
 * documentation ships as data in this module, with no dependency.
 *
 * @since 0.1.0
 */
public final class ErrorDocumentationProperties {

	private static final String CONTRACT_RESOURCE = "contract-documentation.properties";

	private static final Map<String, ErrorDocumentation> CONTRACT = load(ErrorDocumentationProperties.class,
			CONTRACT_RESOURCE);

	private ErrorDocumentationProperties() {
	}

	/**
	 * Return the documentation of the Augno contract's built-in codes.
	 * @return the documentation by wire code, in no particular order
	 */
	public static Map<String, ErrorDocumentation> contract() {
		return CONTRACT;
	}

	/**
	 * Read documentation from a class path resource, as UTF-8.
	 * @param anchor the class the resource name is relative to
	 * @param name the resource name
	 * @return the documentation by wire code
	 * @throws IllegalStateException if the resource does not exist
	 * @throws UncheckedIOException if it cannot be read
	 */
	public static Map<String, ErrorDocumentation> load(Class<?> anchor, String name) {
		try (InputStream in = anchor.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("No resource " + name + " beside " + anchor.getName());
			}
			return read(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Read documentation from properties text.
	 * @param reader the text
	 * @return the documentation by wire code, in the order of the codes' names
	 * @throws IOException if the text cannot be read
	 * @throws IllegalArgumentException if a key is not one of the four fields of a code
	 */
	public static Map<String, ErrorDocumentation> read(Reader reader) throws IOException {
		Properties properties = new Properties();
		properties.load(reader);
		Map<String, Entry> entries = new TreeMap<>();
		for (String key : properties.stringPropertyNames()) {
			String value = properties.getProperty(key).strip();
			int dot = key.indexOf('.');
			if (dot <= 0) {
				throw new IllegalArgumentException("Documentation key '" + key + "' is not <code>.<field>");
			}
			entries.computeIfAbsent(key.substring(0, dot), (code) -> new Entry())
				.set(key, key.substring(dot + 1), value);
		}
		Map<String, ErrorDocumentation> documentation = new LinkedHashMap<>();
		entries.forEach((code, entry) -> documentation.put(code, entry.toDocumentation()));
		return documentation;
	}

	private static final class Entry {

		private @Nullable String title;

		private @Nullable String description;

		private final Map<Integer, String> causes = new TreeMap<>();

		private @Nullable String resolution;

		void set(String key, String field, String value) {
			switch (field) {
				case "title" -> this.title = value;
				case "description" -> this.description = value;
				case "resolution" -> this.resolution = value;
				default -> this.causes.put(causeNumber(key, field), value);
			}
		}

		private static int causeNumber(String key, String field) {
			if (field.startsWith("cause.")) {
				try {
					return Integer.parseInt(field.substring("cause.".length()));
				}
				catch (NumberFormatException ex) {
					// reported below
				}
			}
			throw new IllegalArgumentException("Documentation key '" + key
					+ "' is not one of <code>.title, .description, .cause.<n> or .resolution");
		}

		ErrorDocumentation toDocumentation() {
			List<String> causes = new ArrayList<>(this.causes.values());
			return new ErrorDocumentation(this.title, this.description, causes, this.resolution);
		}

	}

}
